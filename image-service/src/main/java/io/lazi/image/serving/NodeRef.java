package io.lazi.image.serving;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CategoryChanged;

/** What {@code node_image} knows of a node: its depth and image path ({@code null} when it has none). */
record NodeRef(int depth, @Nullable String imagePath) {

	/** The node as a {@code pricebook.changed} payload describes it; a blank image path is none. */
	static NodeRef of(CategoryChanged changed) {

		var path = changed.imagePath();
		return new NodeRef(changed.depth(), path == null || path.isBlank() ? null : path);
	}
}
