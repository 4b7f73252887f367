package io.lazi.stsimulator.images;

import java.io.IOException;
import java.net.URI;

import io.lazi.stsimulator.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * ServiceTitan's {@code Images_Get}: answers 302 with a {@code Location} on the (simulated) CDN for
 * a storage path the tenant references or uploaded; 400 when the path does not start with
 * {@code Images/}, 404 when the tenant has no such image.
 * <p>
 * And {@code Images_Post}: a {@code multipart/form-data} upload with the part {@code file} answers
 * 201 {@code {"path": "Images/Upload/..."}}; 400 {@code ApiErrorResponse} naming {@code file} when
 * the part is missing, empty or not an image (PNG, JPEG, GIF, WebP, BMP). The spec declares a JSON
 * body with a binary {@code file}; clients send a file upload, which is what this accepts.
 */
@RestController
class ImagesController {

	static final String PREFIX = "Images/";

	private final TenantImages images;

	private final ImageSettings settings;

	ImagesController(TenantImages images, ImageSettings settings) {

		this.images = images;
		this.settings = settings;
	}

	@PostMapping("/pricebook/v2/tenant/{tenant}/images")
	@ResponseStatus(HttpStatus.CREATED)
	ImageUploadResponse upload(@PathVariable long tenant, HttpServletRequest request) throws IOException {

		var file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
		if (file == null || file.isEmpty()) {
			throw ApiException.badRequest("file", "The file field is required: send a non-empty multipart part named file.");
		}
		var path = images.store(tenant, file.getOriginalFilename(), file.getBytes())
			.orElseThrow(() -> ApiException.badRequest("file", "The file is not a PNG, JPEG, GIF, WebP or BMP image."));
		return new ImageUploadResponse(path);
	}

	@GetMapping("/pricebook/v2/tenant/{tenant}/images")
	ResponseEntity<Void> image(@PathVariable long tenant, @RequestParam(required = false) @Nullable String path) {

		if (path == null || path.isBlank()) {
			throw ApiException.badRequest("path", "The path field is required.");
		}
		if (!path.startsWith(PREFIX)) {
			throw ApiException.badRequest("path", "The path must begin with \"Images/\".");
		}
		if (!images.exists(tenant, path)) {
			throw ApiException.notFound("Image '%s'".formatted(path));
		}
		return ResponseEntity.status(HttpStatus.FOUND).location(cdnLocation(tenant, path)).build();
	}

	private URI cdnLocation(long tenant, String path) {

		var base = settings.cdnBaseUrl() != null ? UriComponentsBuilder.fromUri(settings.cdnBaseUrl())
				: ServletUriComponentsBuilder.fromCurrentContextPath().path("/cdn");
		return base.pathSegment(Long.toString(tenant))
			.pathSegment(path.substring(PREFIX.length()).split("/"))
			.encode()
			.build()
			.toUri();
	}

	/**
	 * ServiceTitan's {@code Pricebook.V2.ImageUploadResponse}.
	 *
	 * @param path the storage path to put in a category's or SKU's image field
	 */
	record ImageUploadResponse(String path) {
	}
}
