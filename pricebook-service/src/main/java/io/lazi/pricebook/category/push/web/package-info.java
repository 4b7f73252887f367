/**
 * REST adapters of pushes, push errors and single-category pulls.
 */
@NullMarked
package io.lazi.pricebook.category.push.web;

import org.jspecify.annotations.NullMarked;
