/**
 * The internal image endpoint image-service calls; not routed by the gateway (only {@code /api/**}
 * and {@code /ws} are).
 */
@NullMarked
package io.lazi.stingest.images.web;

import org.jspecify.annotations.NullMarked;
