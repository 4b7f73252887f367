package io.lazi.stingest.images;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import io.lazi.platform.web.Tenant;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.servicetitan.ServiceTitanException;

/**
 * Image bytes of a tenant's ServiceTitan storage path: {@code Images_Get} through the tenant's rate
 * budget, then the CDN download its 302 points at. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StImages {

	/** Prefix every ServiceTitan image storage path starts with (case-sensitive). */
	public static final String PREFIX = "Images/";

	private final ServiceTitanClient client;

	private final CdnDownloads downloads;

	/** Whether {@code tenant} has ServiceTitan credentials here. */
	public boolean serves(Tenant tenant) {
		return client.serves(tenant.id());
	}

	/**
	 * The bytes of the image at {@code path}, exactly as the CDN sent them, and the CDN location
	 * ServiceTitan's 302 pointed at for this tenant.
	 *
	 * @return empty when ServiceTitan has no image at that path
	 * @throws ServiceTitanException when ServiceTitan refuses or fails the call for good
	 * @throws ImageDownloadException when the CDN download fails or exceeds its limits
	 */
	public Optional<StImage> fetch(Tenant tenant, String path) {

		if (!path.startsWith(PREFIX)) {
			throw new IllegalArgumentException("An image path starts with " + PREFIX);
		}
		return client.imageLocation(tenant.id(), path, new CallCounts())
			.map(location -> new StImage(downloads.download(location), location));
	}
}
