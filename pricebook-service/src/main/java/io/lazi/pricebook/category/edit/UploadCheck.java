package io.lazi.pricebook.category.edit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.lazi.platform.events.access.InternalScope;
import io.lazi.platform.security.ServiceCredentials;
import io.lazi.platform.web.InternalCallException;
import io.lazi.platform.web.InternalClient;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;

/**
 * Checks that an edit's {@code imageUploadId} names an upload of the editing tenant, asking
 * image-service ({@code HEAD /internal/uploads/{id}} with this service's {@code internal:uploads} token)
 * before anything is written. Thread-safe.
 */
@Component
public class UploadCheck {

	private final InternalClient imageService;

	UploadCheck(RestClient.Builder builder, ImageServiceProperties properties, ServiceCredentials credentials) {
		this.imageService = new InternalClient(builder, "image-service", properties.url(), properties.timeout(),
				credentials.forScope(InternalScope.UPLOADS));
	}

	/**
	 * @throws InvalidInputException (field {@code imageUploadId}) when the tenant has no such upload
	 * @throws UploadCheckException when image-service cannot answer
	 */
	public void requireOwn(Tenant tenant, @Nullable UUID uploadId) {

		if (uploadId == null) {
			return;
		}
		boolean exists;
		try {
			exists = imageService.exists(tenant, "/internal/uploads/{id}", uploadId);
		}
		catch (InternalCallException ex) {
			throw new UploadCheckException(ex.getMessage() + " for upload " + uploadId, ex);
		}
		if (!exists) {
			throw new InvalidInputException("imageUploadId", "must name an image upload of this tenant");
		}
	}
}
