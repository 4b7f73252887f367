/**
 * REST adapters of conflicts under {@code /api/sync/pricebook}.
 */
@NullMarked
package io.lazi.pricebook.category.conflict.web;

import org.jspecify.annotations.NullMarked;
