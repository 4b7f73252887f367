package io.lazi.image.serving;

import io.lazi.image.content.ImageContent;

/**
 * The image a pricebook node shows.
 *
 * @param depth the node's depth (0 = root category)
 * @param path its ServiceTitan storage path ({@code Images/…})
 * @param content the bytes
 */
public record NodeImage(int depth, String path, ImageContent content) {
}
