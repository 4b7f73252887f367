package io.lazi.stsimulator.pricebook;

import java.util.List;

/**
 * A category with its (possibly pruned) subtree, as the list and get endpoints nest it.
 *
 * @param category the node
 * @param children the child subtrees in position order
 */
public record CategoryTree(Category category, List<CategoryTree> children) {
}
