package io.lazi.stsimulator.images;

import java.time.Duration;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.CategoryCatalog;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated CDN behind {@code Images_Get} redirects: {@code GET /cdn/{tenant}/{path after
 * "Images/"}} answers the bytes uploaded at that path through {@code Images_Post}, otherwise a
 * rendered image, PNG or JPEG by the path's extension. No authentication, as
 * with ServiceTitan's CDN links.
 */
@RestController
class CdnController {

	private final CategoryCatalog catalog;

	private final UploadedImages uploads;

	private final TileRenderer renderer;

	CdnController(CategoryCatalog catalog, UploadedImages uploads, TileRenderer renderer) {

		this.catalog = catalog;
		this.uploads = uploads;
		this.renderer = renderer;
	}

	@GetMapping("/cdn/{tenant}/{*file}")
	ResponseEntity<byte[]> file(@PathVariable long tenant, @PathVariable String file) {

		var path = ImagesController.PREFIX + file.substring(1);
		var uploaded = uploads.find(tenant, path);
		if (uploaded.isPresent()) {
			return ResponseEntity.ok()
				.contentType(uploaded.get().mediaType())
				.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
				.body(uploaded.get().bytes());
		}
		if (!catalog.hasImage(tenant, path)) {
			throw ApiException.notFound("Image '%s'".formatted(path));
		}
		var format = TileRenderer.Format.of(path);
		return ResponseEntity.ok()
			.contentType(format == TileRenderer.Format.PNG ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(renderer.render(path, format));
	}
}
