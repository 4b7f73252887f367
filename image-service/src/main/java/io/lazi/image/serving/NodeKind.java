package io.lazi.image.serving;

/** Which URL family a node's image is asked under: roots are categories, deeper nodes subcategories. */
public enum NodeKind {

	/** {@code /images/db/categories/{stId}}: depth 0. */
	CATEGORY,

	/** {@code /images/db/subcategories/{stId}}: depth 1 or more. */
	SUBCATEGORY;

	boolean matches(int depth) {
		return (depth == 0) == (this == CATEGORY);
	}
}
