/**
 * The pricebook category tree of a tenant: ServiceTitan categories with their subcategories,
 * flattened into nodes with parent, root, depth and an ltree path of ServiceTitan ids; applied
 * idempotently from {@code st.raw.categories}, announced on {@code pricebook.changed} and read
 * through {@link io.lazi.pricebook.category.CategoryQueries}.
 */
@NullMarked
package io.lazi.pricebook.category;

import org.jspecify.annotations.NullMarked;
