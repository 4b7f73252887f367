/**
 * The one writer of {@code category_conflict}.
 */
@NullMarked
package io.lazi.pricebook.category.conflict.internal;

import org.jspecify.annotations.NullMarked;
