/**
 * REST adapter of the category tree under {@code /api/pricebook/categories}.
 */
@NullMarked
package io.lazi.pricebook.category.web;

import org.jspecify.annotations.NullMarked;
