package io.lazi.pricebook.category.internal;

/** A stored row: its effective node (what users see) and its local state. */
public record StoredNode(CategoryNode node, LocalState local) {
}
