package io.lazi.stingest.images.web;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.stingest.images.ImageDownloadException;
import io.lazi.stingest.images.StImages;
import io.lazi.stingest.servicetitan.ServiceTitanException;

/**
 * {@code GET /internal/servicetitan/images?path=Images/…} for image-service: the bytes of the caller
 * tenant's ({@code X-Tenant-ID}) ServiceTitan image as {@code application/octet-stream} (the caller
 * sniffs the type), with {@code Content-Location} naming the CDN object ServiceTitan redirected to. 400 for a path not starting with {@code Images/} or one ServiceTitan refuses, 404
 * when ServiceTitan has none or the tenant has no credentials, 502 when ServiceTitan or its CDN fails.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InternalImageController {

	private static final Logger LOG = LoggerFactory.getLogger(InternalImageController.class);

	private static final int MAX_PATH_LENGTH = 1024;

	private final StImages images;

	@GetMapping("/internal/servicetitan/images")
	ResponseEntity<byte[]> image(Tenant tenant, @RequestParam(required = false) @Nullable String path) {

		if (path == null || !path.startsWith(StImages.PREFIX) || path.length() > MAX_PATH_LENGTH) {
			throw new InvalidInputException("path", "must start with " + StImages.PREFIX + " and be at most "
					+ MAX_PATH_LENGTH + " characters");
		}
		if (!images.serves(tenant)) {
			throw new ResourceNotFoundException("ServiceTitan tenant", tenant);
		}
		var image = images.fetch(tenant, path).orElseThrow(() -> new ResourceNotFoundException("Image", path));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(image.bytes().length)
			.header(HttpHeaders.CONTENT_LOCATION, image.location().toString())
			.body(image.bytes());
	}

	@ExceptionHandler(ServiceTitanException.class)
	ProblemDetail serviceTitan(ServiceTitanException ex) {

		if (ex.status() == HttpStatus.BAD_REQUEST.value()) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "ServiceTitan refused the image path");
			problem.setType(Problems.VALIDATION);
			problem.setProperty("field", "path");
			return problem;
		}
		LOG.warn("ServiceTitan image call failed: {}", ex.getMessage());
		return badGateway("ServiceTitan did not answer the image request");
	}

	@ExceptionHandler(ImageDownloadException.class)
	ProblemDetail download(ImageDownloadException ex) {

		LOG.warn("ServiceTitan image download failed: {}", ex.getMessage());
		return badGateway("The image could not be downloaded from ServiceTitan's CDN");
	}

	private static ProblemDetail badGateway(String detail) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail);
		problem.setType(Problems.INTERNAL);
		problem.setTitle("Upstream failure");
		return problem;
	}
}
