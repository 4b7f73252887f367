/** REST API of SKU pulls: {@code /api/sync/pricebook/skus/*}. */
@NullMarked
package io.lazi.stingest.pricebook.sku.web;

import org.jspecify.annotations.NullMarked;
