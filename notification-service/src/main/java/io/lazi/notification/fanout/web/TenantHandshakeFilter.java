package io.lazi.notification.fanout.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lazi.platform.events.TenantId;
import io.lazi.platform.events.TrustedHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a {@code /ws} handshake with 400 {@code https://lazi.io/problems/missing-tenant} unless it
 * carries exactly one {@value TrustedHeaders#TENANT_ID} that is a {@link TenantId}. The gateway sets that header after
 * checking the caller's token, so it is trusted here.
 */
final class TenantHandshakeFilter implements WebFilter {

	private static final URI MISSING_TENANT = URI.create("https://lazi.io/problems/missing-tenant");

	private final String path;

	private final JsonMapper json;

	TenantHandshakeFilter(String path, JsonMapper json) {
		this.path = path;
		this.json = json;
	}

	/** The tenant of a handshake, or {@code null} when the header is missing, repeated or not digits. */
	static @Nullable String tenant(ServerHttpRequest request) {

		var values = request.getHeaders().getValuesAsList(TrustedHeaders.TENANT_ID);
		return values.size() == 1 && TenantId.isValid(values.getFirst()) ? values.getFirst() : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {

		var request = exchange.getRequest();
		if (!request.getPath().pathWithinApplication().value().equals(path) || tenant(request) != null) {
			return chain.filter(exchange);
		}
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		var problem = new Problem(MISSING_TENANT, "Missing tenant", HttpStatus.BAD_REQUEST.value(),
				"Exactly one X-Tenant-ID header of digits is required", request.getPath().value());
		var body = response.bufferFactory().wrap(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

	/** RFC 9457 problem details. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Problem(URI type, String title, int status, String detail, String instance) {
	}
}
