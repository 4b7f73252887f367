package io.lazi.platform.security.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.observability.TenantLogContext;
import io.lazi.platform.security.SecurityProblems;
import io.lazi.platform.security.TenantCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies {@link TenantCheck} after authorization: 400 missing tenant, 403 tenant not granted; a granted
 * request is handled with its tenant in the logging MDC ({@link TenantLogContext}).
 */
final class TenantAccessFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {

		var route = TenantCheck.Route.of(request.getRequestURI().substring(request.getContextPath().length()));
		if (route == TenantCheck.Route.OTHER) {
			chain.doFilter(request, response);
			return;
		}
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			ProblemHandlers.write(request, response, SecurityProblems.UNAUTHORIZED,
					SecurityProblems.unauthorizedDetail(false));
			return;
		}
		var headers = Collections.list(request.getHeaders(TrustedHeaders.TENANT_ID));
		// Only the handshake (a GET) may name the tenant in the query; reading parameters of any other
		// request would parse a form or multipart body here, before the upload limits answer 413.
		var query = route == TenantCheck.Route.WEBSOCKET ? request.getParameterValues("tenant") : null;
		var decision = TenantCheck.decide(route, headers, query == null ? List.of() : List.of(query), token.getToken());
		var refusal = decision.refusal();
		if (refusal != null) {
			ProblemHandlers.write(request, response, refusal, decision.refusalDetail());
		}
		else {
			try (var tenant = TenantLogContext.open(decision.tenant())) {
				chain.doFilter(request, response);
			}
		}
	}
}
