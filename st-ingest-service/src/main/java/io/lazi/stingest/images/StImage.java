package io.lazi.stingest.images;

import java.net.URI;

/**
 * A tenant's ServiceTitan image.
 *
 * @param bytes as the CDN sent them
 * @param location the CDN URL ServiceTitan's {@code Images_Get} redirected to for this tenant
 */
public record StImage(byte[] bytes, URI location) {
}
