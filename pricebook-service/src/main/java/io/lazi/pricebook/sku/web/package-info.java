/**
 * REST adapter of the SKUs under {@code /api/pricebook/services}, {@code /materials} and {@code /equipment}.
 */
@NullMarked
package io.lazi.pricebook.sku.web;

import org.jspecify.annotations.NullMarked;
