/**
 * Reading a tenant's category tree: roots, single categories, subtrees, descendants and counts, with
 * local edits and their push state ({@link io.lazi.pricebook.category.tree.CategoryQueries}). Owns no
 * table; reads {@code category} and {@code sync_apply} through its own read model.
 */
@ApplicationModule(displayName = "Category tree")
@NullMarked
package io.lazi.pricebook.category.tree;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
