package io.lazi.platform.web.input;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import io.lazi.platform.web.InvalidInputException;

/**
 * Before a handler runs: refuses a JSON body whose declared {@code Content-Length} is over the limit
 * (413), and every query or form parameter and path variable that {@link SafeText} does not accept
 * (400 naming it), so that no service stores or searches for NUL or an unpaired surrogate.
 */
final class InputSafetyInterceptor implements HandlerInterceptor {

	private final long limit;

	InputSafetyInterceptor(InputProperties properties) {
		this.limit = properties.maxJsonBody().toBytes();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws ContentTooLargeException {

		if (request.getContentLengthLong() > limit && JsonBodyLimitFilter.isJson(request)) {
			throw new ContentTooLargeException(limit);
		}
		var query = request.getQueryString();
		if (query != null) {
			checkQuery(query);
		}
		for (var parameter : parameters(request).entrySet()) {
			check(parameter.getKey(), parameter.getKey());
			for (var value : parameter.getValue()) {
				check(parameter.getKey(), value);
			}
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			for (var variable : variables.entrySet()) {
				check(String.valueOf(variable.getKey()), String.valueOf(variable.getValue()));
			}
		}
		return true;
	}

	/**
	 * Decodes the raw query strictly, so that bytes that are not UTF-8 (an encoded surrogate, say) are
	 * refused naming their parameter instead of failing inside the container's lenient parsing.
	 */
	private static void checkQuery(String query) {

		for (var pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			var rawName = equals < 0 ? pair : pair.substring(0, equals);
			var name = StrictUrlDecoding.decode(rawName).filter(SafeText::isSafe)
				.orElseThrow(() -> new InvalidInputException("parameter", SafeText.REFUSAL));
			var value = equals < 0 ? "" : StrictUrlDecoding.decode(pair.substring(equals + 1))
				.orElseThrow(() -> new InvalidInputException(name, SafeText.REFUSAL));
			check(name, value);
		}
	}

	private static Map<String, String[]> parameters(HttpServletRequest request) {

		try {
			return request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// The container could not decode a form parameter; which one it does not say reliably.
			throw new InvalidInputException("parameter", SafeText.REFUSAL);
		}
	}

	private static void check(String field, String value) {

		if (!SafeText.isSafe(value)) {
			throw new InvalidInputException(SafeText.isSafe(field) ? field : "parameter", SafeText.REFUSAL);
		}
	}
}
