/**
 * REST reads of the tree under {@code /api/pricebook/categories}.
 */
@NullMarked
package io.lazi.pricebook.category.tree.web;

import org.jspecify.annotations.NullMarked;
