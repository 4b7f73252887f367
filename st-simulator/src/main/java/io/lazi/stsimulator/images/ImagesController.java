package io.lazi.stsimulator.images;

import java.net.URI;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * ServiceTitan's {@code Images_Get}: answers 302 with a {@code Location} on the (simulated) CDN for
 * a storage path the tenant references; 400 when the path does not start with {@code Images/}, 404
 * when the tenant has no such image.
 */
@RestController
class ImagesController {

	static final String PREFIX = "Images/";

	private final CategoryCatalog catalog;

	private final ImageSettings settings;

	ImagesController(CategoryCatalog catalog, ImageSettings settings) {

		this.catalog = catalog;
		this.settings = settings;
	}

	@GetMapping("/pricebook/v2/tenant/{tenant}/images")
	ResponseEntity<Void> image(@PathVariable long tenant, @RequestParam(required = false) @Nullable String path) {

		if (path == null || path.isBlank()) {
			throw ApiException.badRequest("path", "The path field is required.");
		}
		if (!path.startsWith(PREFIX)) {
			throw ApiException.badRequest("path", "The path must begin with \"Images/\".");
		}
		if (!catalog.hasImage(tenant, path)) {
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
}
