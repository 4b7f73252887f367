package io.lazi.image.serving.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.image.content.ImageResponses;
import io.lazi.image.serving.ImageStats;
import io.lazi.image.serving.NodeKind;
import io.lazi.image.serving.PricebookImages;
import io.lazi.image.serving.ServingProperties;
import io.lazi.image.serving.UpstreamImageException;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * Images of the caller tenant's ({@code X-Tenant-ID}) pricebook nodes: the bytes with their sniffed
 * {@code Content-Type}, {@code ETag}, {@code Cache-Control} and {@code Content-Length}; 304 when
 * {@code If-None-Match} matches; 404 problem when no tier has the image (or the node is of the other
 * kind); 400 for a non-positive id; 502 when ServiceTitan's answer cannot be used.
 */
@Tag(name = "Images", description = "Images of the pricebook: from memory, then the database, then ServiceTitan, else 404.")
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PricebookImageController {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookImageController.class);

	private final PricebookImages images;

	private final ServingProperties properties;

	@Operation(summary = "Read a root category's image",
			description = "The bytes with their sniffed `Content-Type`, `ETag` and `Cache-Control`; 304 when `If-None-Match` matches; 404 when no tier has it; 502 when ServiceTitan's answer cannot be used.")
	@GetMapping("/images/db/categories/{stId}")
	ResponseEntity<byte[]> category(Tenant tenant, @PathVariable long stId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return image(tenant, NodeKind.CATEGORY, stId, ifNoneMatch);
	}

	@Operation(summary = "Read a subcategory's image", description = "As for a root category.")
	@GetMapping("/images/db/subcategories/{stId}")
	ResponseEntity<byte[]> subcategory(Tenant tenant, @PathVariable long stId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return image(tenant, NodeKind.SUBCATEGORY, stId, ifNoneMatch);
	}

	/** Counts of the caller's tenant: in memory, in the database, nodes with an image. */
	@Operation(summary = "Count the tenant's images", description = "In memory, in the database, and nodes with an image.")
	@GetMapping("/images/stats")
	ImageStats stats(Tenant tenant) {
		return images.stats(tenant);
	}

	@ExceptionHandler(UpstreamImageException.class)
	ProblemDetail upstream(UpstreamImageException ex) {

		LOG.warn("Image fetch failed: {}", ex.getMessage());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The image could not be fetched from ServiceTitan");
		problem.setType(Problems.INTERNAL);
		problem.setTitle("Upstream failure");
		return problem;
	}

	private ResponseEntity<byte[]> image(Tenant tenant, NodeKind kind, long stId, @Nullable String ifNoneMatch) {

		if (stId < 1) {
			throw new InvalidInputException("stId", "must be a positive ServiceTitan id");
		}
		var image = images.get(tenant, kind, stId)
			.orElseThrow(() -> new ResourceNotFoundException(kind == NodeKind.CATEGORY ? "Category image" : "Subcategory image", stId));
		return ImageResponses.of(image.content(), ifNoneMatch, properties.httpMaxAge());
	}
}
