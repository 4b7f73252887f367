/**
 * The pricebook category tree of a tenant: ServiceTitan categories with their subcategories,
 * flattened into nodes with parent, root, depth and an ltree path of ids, kept beside local edits that
 * wait to be pushed back to ServiceTitan.
 *
 * <p>The work is split into nested application modules, one per feature, each owning its tables and
 * hiding its {@code internal} package from the others:
 * <ul>
 * <li>{@code tree}: reading the tree for the REST API;</li>
 * <li>{@code sync}: applying st-ingest's pulls (runs and single categories), {@code sync_apply};</li>
 * <li>{@code edit}: local overrides and shape changes (reorder, move, create, delete);</li>
 * <li>{@code push}: pushing pending changes through {@code st.commands} and applying their outcomes,
 * {@code category_push} and {@code category_push_item};</li>
 * <li>{@code conflict}: conflicts between pending changes and ServiceTitan, {@code category_conflict}.</li>
 * </ul>
 * What they share lives in {@code internal} here, visible to them only: the stored node and its local
 * state, the announced changes, the one writer of the {@code category} table
 * ({@link io.lazi.pricebook.category.internal.CategoryTable}) and its row reads and locks
 * ({@link io.lazi.pricebook.category.internal.CategoryRows}).
 */
@NullMarked
package io.lazi.pricebook.category;

import org.jspecify.annotations.NullMarked;
