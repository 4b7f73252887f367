/**
 * What every image answer shares: the type sniffed from the bytes (never trusted from a client or
 * upstream), a strong ETag, and the HTTP caching headers with {@code If-None-Match} handling.
 */
@NullMarked
package io.lazi.image.content;

import org.jspecify.annotations.NullMarked;
