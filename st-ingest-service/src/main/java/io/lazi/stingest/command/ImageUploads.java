package io.lazi.stingest.command;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Reads the bytes of an image-service upload: {@code GET {image-service-url}/images/uploads/{id}} with
 * {@code X-Tenant-ID}, so another tenant's upload is absent. Thread-safe.
 */
@Component
class ImageUploads {

	private final RestClient imageService;

	ImageUploads(RestClient.Builder builder, CommandProperties properties) {
		var http = HttpClient.newBuilder().connectTimeout(properties.imageServiceTimeout()).build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.imageServiceTimeout());
		this.imageService = builder.clone().requestFactory(requests).baseUrl(properties.imageServiceUrl().toString()).build();
	}

	/**
	 * The upload's bytes and content type.
	 *
	 * @return empty when image-service has no such upload of the tenant (404)
	 * @throws ImageServiceException when image-service fails or cannot be reached
	 */
	Optional<Upload> find(String tenantId, UUID uploadId) {

		try {
			return imageService.get()
				.uri("/images/uploads/{id}", uploadId)
				.header("X-Tenant-ID", tenantId)
				.exchange((request, response) -> {
					var status = response.getStatusCode();
					if (status.value() == HttpStatus.NOT_FOUND.value()) {
						return Optional.<Upload>empty();
					}
					if (!status.is2xxSuccessful()) {
						throw new ImageServiceException("image-service answered " + status.value() + " for upload " + uploadId);
					}
					var type = response.getHeaders().getContentType();
					try (var body = response.getBody()) {
						return Optional.of(new Upload(body.readAllBytes(),
								type == null ? MediaType.APPLICATION_OCTET_STREAM : type));
					}
				});
		}
		catch (ResourceAccessException ex) {
			throw new ImageServiceException("image-service unreachable for upload " + uploadId + ": " + ex.getMessage());
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
