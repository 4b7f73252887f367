package io.lazi.platform.security.reactive;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import io.lazi.platform.security.SecurityProblems;
import reactor.core.publisher.Mono;

/**
 * 401 (with {@code WWW-Authenticate}), 403, 400 and 503 as RFC 9457 problems, for WebFlux. A token that could not
 * be checked because the identity provider's keys did not arrive ({@link AuthenticationServiceException}) is a
 * 503 with {@code Retry-After}, not the bare 500 of Spring Security's default.
 */
public final class ReactiveProblemHandlers
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {

		var exchange = webFilterExchange.getExchange();
		if (ex instanceof AuthenticationServiceException) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, SecurityProblems.RETRY_AFTER_SECONDS);
			return write(exchange, SecurityProblems.AUTHENTICATION_UNAVAILABLE, SecurityProblems.UNAVAILABLE_DETAIL);
		}
		return commence(exchange, ex);
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {

		var request = exchange.getRequest();
		var presented = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				|| request.getQueryParams().containsKey("access_token");
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, SecurityProblems.challenge(presented));
		return write(exchange, SecurityProblems.UNAUTHORIZED, SecurityProblems.unauthorizedDetail(presented));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
		return write(exchange, SecurityProblems.FORBIDDEN, "The token does not allow this request");
	}

	/** Writes {@code problem} as the response. */
	public static Mono<Void> write(ServerWebExchange exchange, SecurityProblems problem, String detail) {

		var response = exchange.getResponse();
		response.setStatusCode(problem.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		var body = problem.body(detail, exchange.getRequest().getPath().value());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}
}
