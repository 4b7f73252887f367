package io.lazi.stsimulator.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ServiceTitan's {@code ApiErrorResponse} body (RFC 7807 style), as its API answers 400, 403 and 404.
 * All components are non-null; {@code errors} maps a field name to its messages and {@code data} is
 * always an empty object here.
 *
 * @param type a URI reference identifying the problem type
 * @param title a short summary of the problem type
 * @param status the HTTP status code
 * @param traceId a W3C-traceparent-like diagnostic id
 * @param errors the validation messages by field
 * @param data additional data for programmatic use
 */
public record ApiErrorResponse(String type, String title, int status, String traceId,
		Map<String, List<String>> errors, Map<String, Object> data) {

	/**
	 * Creates a body for the given status with a fresh trace id.
	 *
	 * @param status the HTTP status code
	 * @param title the summary
	 * @param errors the validation messages by field, may be empty
	 * @return the body
	 */
	public static ApiErrorResponse of(int status, String title, Map<String, List<String>> errors) {

		var ordered = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		return new ApiErrorResponse(typeFor(status), title, status, newTraceId(), ordered, Map.of());
	}

	private static String typeFor(int status) {
		return switch (status) {
			case 400 -> "https://tools.ietf.org/html/rfc7231#section-6.5.1";
			case 403 -> "https://tools.ietf.org/html/rfc7231#section-6.5.3";
			case 404 -> "https://tools.ietf.org/html/rfc7231#section-6.5.4";
			case 409 -> "https://tools.ietf.org/html/rfc7231#section-6.5.8";
			case 415 -> "https://tools.ietf.org/html/rfc7231#section-6.5.13";
			case 503 -> "https://tools.ietf.org/html/rfc7231#section-6.6.4";
			default -> "https://tools.ietf.org/html/rfc7231#section-6.6.1";
		};
	}

	private static String newTraceId() {
		var random = ThreadLocalRandom.current();
		return "00-%016x%016x-%016x-00".formatted(random.nextLong(), random.nextLong(), random.nextLong());
	}
}
