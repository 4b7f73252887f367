/**
 * REST adapters of local edits under {@code /api/pricebook/categories}.
 */
@NullMarked
package io.lazi.pricebook.category.edit.web;

import org.jspecify.annotations.NullMarked;
