/**
 * REST API of the CDN proxy: {@code GET /images/st/{host[:port]}/{path}[?query]}.
 */
@NullMarked
package io.lazi.image.stproxy.web;

import org.jspecify.annotations.NullMarked;
