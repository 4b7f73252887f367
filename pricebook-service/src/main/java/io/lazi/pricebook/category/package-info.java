/**
 * The pricebook category tree of a tenant: ServiceTitan categories with their subcategories,
 * flattened into nodes with parent, root, depth and an ltree path of ids; applied idempotently from
 * {@code st.raw.categories}, announced on {@code pricebook.changed} and read through
 * {@link io.lazi.pricebook.category.CategoryQueries}.
 *
 * <p>Users edit the tree locally ({@link io.lazi.pricebook.category.CategoryEdits},
 * {@link io.lazi.pricebook.category.CategoryStructure}); the rows keep the effective values beside
 * ServiceTitan's last known ones, edits stay pending until {@link io.lazi.pricebook.category.CategoryPushes}
 * pushes them through {@code st.commands} and applies st-ingest's outcomes, and a pull that meets a pending
 * edit opens a conflict that only a user resolves ({@link io.lazi.pricebook.category.CategoryConflicts}).
 */
@NullMarked
package io.lazi.pricebook.category;

import org.jspecify.annotations.NullMarked;
