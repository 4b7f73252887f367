package io.lazi.pricebook.category.tree;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A node with its whole subtree: the node's fields and {@code children}, ordered by position.
 */
public record CategoryTreeView(@JsonUnwrapped CategoryView category, List<CategoryTreeView> children) {
}
