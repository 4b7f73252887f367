package io.lazi.image.upload.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.lazi.image.content.ImageResponses;
import io.lazi.image.serving.ServingProperties;
import io.lazi.image.upload.UploadRefusedException;
import io.lazi.image.upload.UploadedImage;
import io.lazi.image.upload.Uploads;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * Uploads of the caller's tenant ({@code X-Tenant-ID}). {@code POST /images/uploads} with a multipart
 * part {@code file}: 201 {@code {id, url, contentType, size}} with {@code Location}; 415, 413 or 400
 * problems naming {@code file} (a request over
 * {@code spring.servlet.multipart.max-file-size} is refused 413 by the platform's problem handler before
 * it reaches here). {@code GET /images/uploads/{id}}: the bytes as for node images, 404 for an unknown or
 * another tenant's id. The same answer at {@code GET /internal/uploads/{id}} serves other services (a
 * service token of scope {@code internal:uploads}, the tenant still from {@code X-Tenant-ID}): st-ingest
 * reads the bytes it copies to ServiceTitan there, and {@code HEAD} (answered by the same handler, without
 * the body) tells whether the tenant has the upload.
 */
@Tag(name = "Uploads", description = "Images uploaded for overrides, before they are pushed to ServiceTitan.")
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UploadController {

	/** Stable problem type of refused uploads (415 and 413). */
	static final URI UPLOAD_REFUSED = URI.create("https://lazi.io/problems/upload-refused");

	private final Uploads uploads;

	private final ServingProperties serving;

	@Operation(summary = "Upload an image",
			responses = @ApiResponse(responseCode = "201", description = "Created: `{id, url, contentType, size}`, with `Location`."),
			description = "Multipart part `file` (JPEG, PNG, GIF or WebP, at most the configured size): 201 `{id, url, contentType, size}` with `Location`; 415 for another type, 413 when too large.")
	@PostMapping("/images/uploads")
	ResponseEntity<Uploaded> upload(Tenant tenant, @RequestPart(name = "file", required = false) @Nullable MultipartFile file) {

		if (file == null) {
			throw new InvalidInputException("file", "is required (multipart part named file)");
		}
		var image = uploads.accept(tenant, file.getOriginalFilename(), file.getContentType(), file.getSize(), () -> {
			try {
				return file.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Reading the uploaded file failed", ex);
			}
		});
		return ResponseEntity.created(URI.create(image.url())).body(Uploaded.of(image));
	}

	@Operation(summary = "Read an uploaded image",
			description = "The bytes with `ETag` and `Cache-Control`; 304 when `If-None-Match` matches.")
	@GetMapping({ "/images/uploads/{id}", "/internal/uploads/{id}" })
	ResponseEntity<byte[]> get(Tenant tenant, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {

		var image = uploads.find(tenant, id).orElseThrow(() -> new ResourceNotFoundException("Upload", id));
		return ImageResponses.of(image.content(), ifNoneMatch, serving.httpMaxAge());
	}

	@ExceptionHandler(UploadRefusedException.class)
	ProblemDetail refused(UploadRefusedException ex) {

		var problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(ex.status() == HttpStatus.BAD_REQUEST ? Problems.VALIDATION : UPLOAD_REFUSED);
		problem.setTitle(ex.status() == HttpStatus.BAD_REQUEST ? "Invalid input" : "Upload refused");
		problem.setProperty("field", "file");
		return problem;
	}

	/** The answer to an accepted upload. */
	record Uploaded(UUID id, String url, String contentType, int size) {

		static Uploaded of(UploadedImage image) {
			return new Uploaded(image.id(), image.url(), image.content().type().mediaType(), image.content().size());
		}
	}
}
