/**
 * The tenant's pricebook SKUs: ServiceTitan services, materials and equipment, applied idempotently
 * from {@code st.raw.services}, {@code st.raw.materials} and {@code st.raw.equipment} (the newest
 * {@code modifiedOn} wins) and read through {@link io.lazi.pricebook.sku.SkuQueries}.
 */
@NullMarked
package io.lazi.pricebook.sku;

import org.jspecify.annotations.NullMarked;
