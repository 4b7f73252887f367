package io.lazi.platform.security.servlet;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.lazi.platform.security.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 (with {@code WWW-Authenticate}), 403, 400 and 503 as RFC 9457 problems. A bearer token that could not be
 * checked because the identity provider's keys did not arrive ({@link AuthenticationServiceException}) is a
 * 503 with {@code Retry-After}: Spring Security's default rethrows it, and the container answered a bare 500.
 */
final class ProblemHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {

		if (ex instanceof AuthenticationServiceException) {
			response.setHeader(HttpHeaders.RETRY_AFTER, SecurityProblems.RETRY_AFTER_SECONDS);
			write(request, response, SecurityProblems.AUTHENTICATION_UNAVAILABLE, SecurityProblems.UNAVAILABLE_DETAIL);
			return;
		}
		commence(request, response, ex);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {

		var presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, SecurityProblems.challenge(presented));
		write(request, response, SecurityProblems.UNAUTHORIZED, SecurityProblems.unauthorizedDetail(presented));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, SecurityProblems.FORBIDDEN, "The token does not allow this request");
	}

	static void write(HttpServletRequest request, HttpServletResponse response, SecurityProblems problem,
			String detail) throws IOException {

		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(problem.body(detail, request.getRequestURI()));
	}
}
