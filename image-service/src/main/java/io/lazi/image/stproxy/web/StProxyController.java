package io.lazi.image.stproxy.web;

import java.net.URI;
import java.net.URISyntaxException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.image.content.ImageResponses;
import io.lazi.image.serving.PricebookImages;
import io.lazi.image.serving.ServingProperties;
import io.lazi.image.stproxy.ProxyRefusedException;
import io.lazi.image.stproxy.ProxyUpstreamException;
import io.lazi.image.stproxy.StCdnProxy;
import io.lazi.image.stproxy.StProxyProperties;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Problems;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /images/st/{host[:port]}/{path}[?query]}: the image at
 * {@code <scheme>://{host[:port]}/{path}[?query]} ({@code lazi.image.st-proxy.scheme}), fetched through
 * {@link StCdnProxy}, when the tenant's own images came from that CDN object (fetched through its
 * ServiceTitan credentials). 400 (field {@code path}) for a malformed target, 403
 * {@code https://lazi.io/problems/proxy-refused} for a target the proxy policy refuses, 404 for an object
 * the tenant's data does not reference, 502/504 when the CDN fails.
 * Requires the trusted tenant header like every image route.
 */
@Tag(name = "Images")
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StProxyController {

	/** Stable problem type of refused proxy fetches. */
	static final URI PROXY_REFUSED = URI.create("https://lazi.io/problems/proxy-refused");

	private static final String PREFIX = "/images/st/";

	private static final Logger LOG = LoggerFactory.getLogger(StProxyController.class);

	private final StCdnProxy proxy;

	private final StProxyProperties properties;

	private final ServingProperties serving;

	private final PricebookImages images;

	@Operation(summary = "Read an image of ServiceTitan's CDN",
			description = "`/images/st/{host[:port]}/{path}[?query]`: the object, when the tenant's own images came from it (allow-listed hosts only); 400 (`path`) for a malformed target, 403 for one the proxy refuses, 404 for one the tenant's data does not reference, 502/504 when the CDN fails.")
	@GetMapping("/images/st/**")
	ResponseEntity<byte[]> proxy(Tenant tenant, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {

		var target = target(request);
		proxy.check(target);
		if (!images.referencesCdnObject(tenant, target)) {
			throw new ResourceNotFoundException("CDN object", target.getRawPath());
		}
		var content = proxy.fetch(target);
		return ImageResponses.of(content, ifNoneMatch, serving.httpMaxAge());
	}

	@ExceptionHandler(ProxyRefusedException.class)
	ProblemDetail refused(ProxyRefusedException ex) {

		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Refused: " + ex.getMessage());
		problem.setType(PROXY_REFUSED);
		problem.setTitle("Proxy request refused");
		return problem;
	}

	@ExceptionHandler(ProxyUpstreamException.class)
	ProblemDetail upstream(ProxyUpstreamException ex) {

		LOG.warn("CDN proxy upstream failure: {}", ex.getMessage());
		var status = ex.timedOut() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		var problem = ProblemDetail.forStatusAndDetail(status, "The ServiceTitan CDN did not deliver the image");
		problem.setType(Problems.INTERNAL);
		problem.setTitle("Upstream failure");
		return problem;
	}

	private URI target(HttpServletRequest request) {

		var raw = request.getRequestURI().substring(request.getContextPath().length());
		if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
			throw new InvalidInputException("path", "must be /images/st/{host[:port]}/{path}");
		}
		var rest = raw.substring(PREFIX.length());
		var query = request.getQueryString();
		try {
			var uri = new URI(properties.scheme() + "://" + rest + (query == null ? "" : "?" + query));
			if (uri.getHost() == null) {
				throw new InvalidInputException("path", "must start with a host name");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("path", "is not a valid URL path");
		}
	}
}
