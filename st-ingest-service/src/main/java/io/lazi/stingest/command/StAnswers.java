package io.lazi.stingest.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.lazi.platform.events.StCategory;
import io.lazi.stingest.servicetitan.StPage;
import io.lazi.stingest.servicetitan.StReply;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads ServiceTitan's answers to category writes: categories, pages, image paths and error bodies. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StAnswers {

	private static final TypeReference<StPage<StCategory>> CATEGORY_PAGE = new TypeReference<>() {
	};

	private static final int SNIPPET = 300;

	private final JsonMapper json;

	/** The outcome of a call that answers a category: 2xx SUCCEEDED with it, 404 NOT_FOUND, other 4xx FAILED. */
	Result category(StReply reply, @Nullable String imagePath) {
		return reply.succeeded() ? Result.succeeded(reply.status(), category(reply), imagePath) : refused(reply);
	}

	/** The outcome of a decisive non-2xx answer: 404 NOT_FOUND, any other FAILED, both with ServiceTitan's error. */
	Result refused(StReply reply) {
		return reply.status() == 404 ? Result.notFound(404, error(reply)) : Result.failed(reply.status(), error(reply));
	}

	StCategory category(StReply reply) {
		return json.readValue(reply.body(), StCategory.class);
	}

	StPage<StCategory> categoryPage(StReply reply) {
		return json.readValue(reply.body(), CATEGORY_PAGE);
	}

	/** The {@code path} of an {@code Images_Post} answer. */
	String imagePath(StReply reply) {

		var uploaded = json.readValue(reply.body(), UploadedImage.class);
		if (uploaded.path() == null || uploaded.path().isBlank()) {
			throw new IllegalStateException("ServiceTitan's image upload answered " + reply.status() + " without a path");
		}
		return uploaded.path();
	}

	/**
	 * ServiceTitan's {@code ApiErrorResponse} as one line: the title, then each field's messages
	 * ({@code One or more validation errors occurred. Name: The Name field is required.}); the raw body
	 * when it is no such document.
	 */
	String error(StReply reply) {

		try {
			var error = json.readValue(reply.body(), ApiError.class);
			if (error.title() != null) {
				var fields = error.errors() == null ? "" : error.errors().entrySet().stream()
					.map(field -> field.getKey() + ": " + String.join(" ", field.getValue()))
					.collect(Collectors.joining("; "));
				return fields.isEmpty() ? error.title() : error.title() + " " + fields;
			}
		}
		catch (JacksonException ex) {
			// not an ApiErrorResponse: fall back to the raw body below
		}
		var text = new String(reply.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
		var body = text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text;
		return "ServiceTitan answered " + reply.status() + (body.isEmpty() ? "" : ": " + body);
	}

	/** {@code ApiErrorResponse}, the fields used. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ApiError(@Nullable String title, @Nullable Map<String, List<String>> errors) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UploadedImage(@Nullable String path) {
	}
}
