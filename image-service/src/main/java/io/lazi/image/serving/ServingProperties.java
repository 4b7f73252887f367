package io.lazi.image.serving;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How pricebook images are cached and fetched ({@code lazi.image.*}).
 *
 * @param cache the memory cache
 * @param httpMaxAge {@code Cache-Control: private, max-age} of image answers
 * @param stIngest where st-ingest-service's internal image endpoint is
 * @param prefetch background fetches after {@code pricebook.changed}
 */
@ConfigurationProperties("lazi.image")
public record ServingProperties(@DefaultValue Cache cache, @DefaultValue("1h") Duration httpMaxAge,
		@DefaultValue StIngest stIngest, @DefaultValue Prefetch prefetch) {

	/**
	 * @param maxSize total image bytes held in memory (entries weigh their size plus 256 bytes)
	 * @param maxAge an entry is reloaded from the database this long after it was loaded
	 */
	public record Cache(@DefaultValue("128MB") DataSize maxSize, @DefaultValue("1h") Duration maxAge) {

		public Cache {
			if (maxSize.toBytes() < 1) {
				throw new IllegalArgumentException("lazi.image.cache.max-size must be positive");
			}
		}
	}

	/**
	 * @param url base URL of st-ingest-service ({@code LAZI_ST_INGEST_URL})
	 * @param timeout limit of one fetch, ServiceTitan's rate budget wait included
	 */
	public record StIngest(@DefaultValue("http://localhost:8081") URI url, @DefaultValue("30s") Duration timeout) {
	}

	/** @param concurrency prefetches running at the same time (each waits on the tenant's ServiceTitan budget) */
	public record Prefetch(@DefaultValue("2") int concurrency) {

		public Prefetch {
			if (concurrency < 1) {
				throw new IllegalArgumentException("lazi.image.prefetch.concurrency must be positive");
			}
		}
	}
}
