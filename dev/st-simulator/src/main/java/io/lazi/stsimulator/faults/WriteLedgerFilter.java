package io.lazi.stsimulator.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts the category writes ServiceTitan applied ({@link WriteLedger}) and, when the tenant's plan
 * says so, loses the answer of one: the write stays applied and the caller gets a 504 with the API
 * Management body, as when the connection drops after ServiceTitan committed. Only 2xx answers of
 * {@code POST /categories}, {@code PATCH} and {@code DELETE /categories/{id}} count; a call refused by
 * the gateway (401, 429, injected 5xx) or the API (400, 404) changed nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WriteLedgerFilter extends OncePerRequestFilter {

	private static final Pattern CATEGORY_WRITE = Pattern
		.compile("^/pricebook/v2/tenant/(\\d{1,18})/categories(?:/(\\d{1,18}))?/?$");

	private final WriteLedger ledger;

	private final JsonMapper json;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || !CATEGORY_WRITE.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {

		var matcher = CATEGORY_WRITE.matcher(request.getRequestURI());
		matcher.matches();
		var method = request.getMethod();
		var wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (wrapper.getStatus() / 100 == 2 && ("POST".equals(method) || "PATCH".equals(method) || "DELETE".equals(method))) {
			var tenant = Long.parseLong(matcher.group(1));
			var id = matcher.group(2) != null ? Long.parseLong(matcher.group(2))
					: json.readTree(wrapper.getContentAsByteArray()).path("id").asLong();
			ledger.applied(tenant, id, method);
			if (ledger.loseAnswer(tenant)) {
				wrapper.reset();
				wrapper.setStatus(504);
				wrapper.setContentType(MediaType.APPLICATION_JSON_VALUE);
				wrapper.getOutputStream().write("""
						{"statusCode": 504, "message": "Gateway timeout (simulated: the write was applied, its answer lost)."}"""
					.getBytes(StandardCharsets.UTF_8));
			}
		}
		wrapper.copyBodyToResponse();
	}
}
