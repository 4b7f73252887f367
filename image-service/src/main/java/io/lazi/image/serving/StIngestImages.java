package io.lazi.image.serving;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.lazi.platform.events.access.InternalScope;
import io.lazi.platform.security.ServiceCredentials;
import io.lazi.platform.web.InternalCallException;
import io.lazi.platform.web.InternalClient;
import io.lazi.platform.web.Tenant;

/**
 * Image bytes from ServiceTitan through st-ingest-service's
 * {@code GET /internal/servicetitan/images?path=…} (st-ingest owns the credentials and the tenant's
 * rate budget, and follows ServiceTitan's 302 to its CDN), with this service's
 * {@code internal:servicetitan-images} token. Thread-safe.
 */
@Component
class StIngestImages {

	private final InternalClient stIngest;

	StIngestImages(RestClient.Builder builder, ServingProperties properties, ServiceCredentials credentials) {
		var settings = properties.stIngest();
		this.stIngest = new InternalClient(builder, "st-ingest-service", settings.url(), settings.timeout(),
				credentials.forScope(InternalScope.SERVICETITAN_IMAGES));
	}

	/**
	 * @return the bytes and the CDN object st-ingest downloaded them from, or empty when ServiceTitan has
	 *         no image at {@code path}
	 * @throws UpstreamImageException on any other answer, a timeout or an I/O failure
	 */
	Optional<InternalClient.Content> fetch(Tenant tenant, String path) {

		try {
			return stIngest.get(tenant, "/internal/servicetitan/images?path={path}", path);
		}
		catch (InternalCallException ex) {
			throw new UpstreamImageException(ex.getMessage() + " for an image of tenant " + tenant, ex);
		}
	}
}
