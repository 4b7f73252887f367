/**
 * Pricebook SKU pulls (resource {@code pricebook.skus}): services, materials and equipment, full and
 * incremental, published on {@code st.raw.services|materials|equipment} through the outbox, started after
 * each completed {@code pricebook.categories} run and on demand.
 */
@NullMarked
package io.lazi.stingest.pricebook.sku;

import org.jspecify.annotations.NullMarked;
