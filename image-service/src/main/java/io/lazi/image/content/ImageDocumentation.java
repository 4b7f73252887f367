package io.lazi.image.content;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.lazi.platform.openapi.OpenApiSchemas;

/**
 * What springdoc cannot see in the image answers of {@link ImageResponses} (a {@code ResponseEntity<byte[]>}):
 * every {@code GET} that answers bytes answers an image of the sniffed type with {@code ETag} and
 * {@code Cache-Control}, or 304 when {@code If-None-Match} matches; and the upload takes a multipart {@code file}.
 */
@Component
class ImageDocumentation implements OpenApiCustomizer {

	private static final String UPLOADS = "/images/uploads";

	@Override
	public void customise(OpenAPI openApi) {

		openApi.getPaths().forEach((path, item) -> {
			if (item.getGet() != null && answersBytes(item.getGet())) {
				item.getGet().getResponses()
					.addApiResponse("200", new ApiResponse().description("The image, of its sniffed type.")
						.headers(Map.of("ETag", header("The image's entity tag, for `If-None-Match`."), "Cache-Control",
								header("`private, max-age=…`: images belong to the tenant.")))
						.content(new Content().addMediaType("image/*", new MediaType().schema(binary()))))
					.addApiResponse("304", new ApiResponse().description("Not modified: `If-None-Match` matches the image's `ETag`."));
			}
		});
		var upload = openApi.getPaths().get(UPLOADS);
		if (upload != null && upload.getPost() != null && upload.getPost().getRequestBody() != null) {
			var file = OpenApiSchemas.of("object").addProperty("file", binary()).addRequiredItem("file");
			upload.getPost().getRequestBody().required(true)
				.content(new Content().addMediaType("multipart/form-data", new MediaType().schema(file)));
		}
	}

	private static boolean answersBytes(Operation operation) {

		var ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
		return ok != null && ok.getContent() != null && ok.getContent().values().stream()
			.anyMatch(media -> media.getSchema() != null && "byte".equals(media.getSchema().getFormat()));
	}

	private static Schema<Object> binary() {
		return OpenApiSchemas.of("string").contentMediaType("application/octet-stream").description("The bytes.");
	}

	private static Header header(String description) {
		return new Header().description(description).schema(OpenApiSchemas.of("string"));
	}
}
