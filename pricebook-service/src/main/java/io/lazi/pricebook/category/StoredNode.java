package io.lazi.pricebook.category;

/** A stored row: its effective node (what users see) and its local state. */
record StoredNode(CategoryNode node, LocalState local) {
}
