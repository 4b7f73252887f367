/**
 * How a pull is merged into the stored tree and how a sync run is tracked and finished.
 */
@NullMarked
package io.lazi.pricebook.category.sync.internal;

import org.jspecify.annotations.NullMarked;
