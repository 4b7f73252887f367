package io.lazi.stsimulator.images;

import org.springframework.http.MediaType;

/**
 * An image's bytes as the simulated CDN serves them.
 *
 * @param bytes the content; callers must not modify it
 * @param mediaType its media type
 */
record ImageFile(byte[] bytes, MediaType mediaType) {
}
