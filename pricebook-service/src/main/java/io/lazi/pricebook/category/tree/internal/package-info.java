/**
 * The read model behind the REST listings of the tree.
 */
@NullMarked
package io.lazi.pricebook.category.tree.internal;

import org.jspecify.annotations.NullMarked;
