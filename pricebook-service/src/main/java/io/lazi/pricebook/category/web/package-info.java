/**
 * REST adapters of the category tree: reads, local edits, pushes and push errors under
 * {@code /api/pricebook/categories}, conflicts under {@code /api/sync/pricebook}.
 */
@NullMarked
package io.lazi.pricebook.category.web;

import org.jspecify.annotations.NullMarked;
