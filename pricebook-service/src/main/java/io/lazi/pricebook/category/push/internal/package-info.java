/**
 * Push commands, their rows and the application of their outcomes to the items.
 */
@NullMarked
package io.lazi.pricebook.category.push.internal;

import org.jspecify.annotations.NullMarked;
