package io.lazi.stingest.images;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of a CDN download behind {@code Images_Get} ({@code lazi.st-ingest.images.*}).
 *
 * @param maxSize largest image accepted; a longer body fails the download
 * @param timeout connect and whole-response limit of each hop
 * @param maxRedirects further redirects followed after ServiceTitan's own (http and https only)
 */
@ConfigurationProperties("lazi.st-ingest.images")
public record ImageDownloadProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("20s") Duration timeout,
		@DefaultValue("3") int maxRedirects) {

	public ImageDownloadProperties {
		if (maxSize.toBytes() < 1 || maxRedirects < 0 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"lazi.st-ingest.images max-size and timeout must be positive, max-redirects not negative");
		}
	}
}
