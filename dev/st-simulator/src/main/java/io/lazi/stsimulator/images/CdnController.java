package io.lazi.stsimulator.images;

import java.time.Duration;

import io.lazi.stsimulator.errors.ApiException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CdnController {

	private final TenantImages images;

	@GetMapping("/cdn/{tenant}/{*file}")
	ResponseEntity<byte[]> file(@PathVariable long tenant, @PathVariable String file) {

		var path = ImagesController.PREFIX + file.substring(1);
		var image = images.file(tenant, path).orElseThrow(() -> ApiException.notFound("Image '%s'".formatted(path)));
		return ResponseEntity.ok()
			.contentType(image.mediaType())
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(image.bytes());
	}
}
