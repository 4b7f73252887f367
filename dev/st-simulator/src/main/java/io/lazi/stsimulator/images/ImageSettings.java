package io.lazi.stsimulator.images;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where image redirects point and how the simulated CDN renders images.
 *
 * @param cdnBaseUrl the CDN base the {@code Images_Get} redirect points at; when unset, this
 * simulator's own base URL as the request reached it plus {@code /cdn} (locally
 * {@code http://localhost:8090/cdn})
 * @param tileSize the edge length of rendered images, in pixels
 */
@ConfigurationProperties("lazi.st-simulator.images")
record ImageSettings(@Nullable URI cdnBaseUrl, @DefaultValue("64") int tileSize) {
}
