package io.lazi.stingest.command;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.lazi.platform.events.access.InternalScope;
import io.lazi.platform.security.ServiceCredentials;
import io.lazi.platform.web.InternalCallException;
import io.lazi.platform.web.InternalClient;
import io.lazi.platform.web.Tenant;

/**
 * Reads the bytes of an image-service upload: {@code GET {image-service-url}/internal/uploads/{id}} as
 * the tenant, so another tenant's upload is absent, with this service's {@code internal:uploads} token.
 * Thread-safe.
 */
@Component
class ImageUploads {

	private final InternalClient imageService;

	ImageUploads(RestClient.Builder builder, CommandProperties properties, ServiceCredentials credentials) {
		this.imageService = new InternalClient(builder, "image-service", properties.imageServiceUrl(),
				properties.imageServiceTimeout(), credentials.forScope(InternalScope.UPLOADS));
	}

	/**
	 * The upload's bytes and content type.
	 *
	 * @return empty when image-service has no such upload of the tenant (404)
	 * @throws ImageServiceException when image-service fails or cannot be reached
	 */
	Optional<Upload> find(String tenantId, UUID uploadId) {

		try {
			return imageService.get(new Tenant(tenantId), "/internal/uploads/{id}", uploadId)
				.map(content -> new Upload(content.bytes(), content.contentType()));
		}
		catch (InternalCallException ex) {
			throw new ImageServiceException(ex.getMessage() + " for upload " + uploadId);
		}
	}

	/** An upload's bytes as image-service serves them. */
	record Upload(byte[] bytes, MediaType contentType) {

		/** A file name for ServiceTitan's upload: the id with an extension matching the type. */
		String fileName(UUID uploadId) {

			var subtype = contentType.getSubtype();
			var extension = switch (subtype) {
				case "jpeg" -> "jpg";
				case "svg+xml" -> "svg";
				default -> subtype.matches("[a-z0-9]+") ? subtype : "bin";
			};
			return uploadId + "." + extension;
		}
	}

	/** image-service failed or could not be reached. */
	static class ImageServiceException extends RuntimeException {

		ImageServiceException(String message) {
			super(message);
		}
	}
}
