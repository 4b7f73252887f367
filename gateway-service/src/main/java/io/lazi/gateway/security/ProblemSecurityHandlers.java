package io.lazi.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import io.lazi.gateway.problem.ProblemResponses;
import io.lazi.gateway.problem.ProblemType;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problems. The 401 carries {@code WWW-Authenticate: Bearer} (RFC 6750) and never
 * says why a token was refused beyond "invalid", so it helps no one probe the validation.
 */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemSecurityHandlers(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {

		// A handshake's ?access_token= is in the header by now (platform-security's QueryTokenRelocation).
		var presented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
		return problems.write(exchange, ProblemType.UNAUTHORIZED,
				presented ? "The bearer token is invalid or expired" : "A bearer token is required");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
		return problems.write(exchange, ProblemType.FORBIDDEN, "Your roles do not allow this request");
	}
}
