package io.lazi.image.serving;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lazi.image.content.ImageContent;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Loads a node's image on a memory miss: the node's path from {@code node_image}, its bytes from
 * {@code stored_image}, else from ServiceTitan through st-ingest (sniffed, then saved for next time).
 * Counts each tier in {@code lazi.image.loads} (tag {@code source}: {@code database},
 * {@code servicetitan}, {@code none}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ImageLoader {

	private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

	/** ServiceTitan storage paths start with this (case-sensitive); others cannot be fetched. */
	static final String STORAGE_PREFIX = "Images/";

	private final NodeImageRepository repository;

	private final StIngestImages upstream;

	private final MeterRegistry meters;

	/**
	 * @return the node's image, or {@code null} when the node, its path or ServiceTitan's image is unknown
	 * @throws UpstreamImageException when ServiceTitan's answer cannot be used
	 */
	@Nullable
	NodeImage load(ImageKey key) {

		var node = repository.node(key.tenant(), key.stId()).orElse(null);
		if (node == null || node.imagePath() == null || !node.imagePath().startsWith(STORAGE_PREFIX)) {
			return counted("none", null);
		}
		var path = node.imagePath();
		var stored = repository.storedImage(key.tenant(), path);
		if (stored.isPresent()) {
			return counted("database", new NodeImage(node.depth(), path, stored.get()));
		}
		var fetched = upstream.fetch(key.tenant(), path);
		if (fetched.isEmpty()) {
			return counted("none", null);
		}
		var content = ImageContent.sniff(fetched.get().bytes())
			.orElseThrow(() -> new UpstreamImageException("ServiceTitan's bytes for an image of tenant "
					+ key.tenant() + " are not PNG, JPEG, WebP or GIF"));
		var location = fetched.get().location();
		repository.store(key.tenant(), path, content, location == null ? null : CdnLocations.key(location),
				OffsetDateTime.now(ZoneOffset.UTC));
		LOG.debug("Fetched {} ({} bytes) of tenant {} from ServiceTitan", path, content.size(), key.tenant());
		return counted("servicetitan", new NodeImage(node.depth(), path, content));
	}

	private @Nullable NodeImage counted(String source, @Nullable NodeImage image) {
		meters.counter("lazi.image.loads", "source", source).increment();
		return image;
	}
}
