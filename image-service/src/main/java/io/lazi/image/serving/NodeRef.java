package io.lazi.image.serving;

import org.jspecify.annotations.Nullable;

/** What {@code node_image} knows of a node: its depth and image path ({@code null} when it has none). */
record NodeRef(int depth, @Nullable String imagePath) {
}
