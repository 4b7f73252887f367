package io.lazi.stingest.command;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Execution of {@code st.commands} ({@code lazi.st-ingest.commands.*}).
 *
 * @param imageServiceUrl base URL of image-service, whose {@code GET /internal/uploads/{id}} serves the
 *        bytes of an upload ({@code LAZI_IMAGE_URL})
 * @param imageServiceTimeout connect and read limit of that call
 * @param concurrency listener threads; commands of one push are spread over the topic's partitions, so
 *        up to this many run at once inside the tenant's rate budget
 * @param createLookupSkew how far before a create's first start a category (or customer) created by its lost
 *        POST is still recognised ({@code createdOn} is ServiceTitan's clock, {@code started_at} ours)
 */
@ConfigurationProperties("lazi.st-ingest.commands")
record CommandProperties(@DefaultValue("http://localhost:8084") URI imageServiceUrl,
		@DefaultValue("10s") Duration imageServiceTimeout, @DefaultValue("3") int concurrency,
		@DefaultValue("1m") Duration createLookupSkew) {

	CommandProperties {
		if (concurrency < 1 || imageServiceTimeout.isNegative() || imageServiceTimeout.isZero() || createLookupSkew.isNegative()) {
			throw new IllegalArgumentException("lazi.st-ingest.commands concurrency and image-service-timeout must be "
					+ "positive, create-lookup-skew not negative");
		}
	}
}
