package io.lazi.platform.web;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;

import io.lazi.platform.events.TrustedHeaders;

/**
 * A client of another Lazi service's internal HTTP API, acting for one tenant per call: each request
 * goes to the configured base URL with the {@value TrustedHeaders#TENANT_ID} header of the
 * {@link Tenant} it is for, and with this service's own credentials (a client-credentials bearer token
 * with the internal API's scope, added by the given interceptor), which the called service checks
 * before it scopes the call to the tenant. Connecting and waiting for the answer are each bounded by the
 * configured timeout; redirects are not followed. An error answer, an unreachable service or a token
 * that could not be obtained surfaces as {@link InternalCallException}. Built on the service's
 * {@link RestClient.Builder}, so calls carry the trace context. Thread-safe.
 *
 * <p>A base URL {@code lb://<service>} goes to one of the service's instances per call, round robin
 * ({@link LoadBalancedCalls}); a plain {@code http://} URL (a Kubernetes Service) goes where it points. A
 * call whose connection is refused (nothing was sent, so even a {@code POST} is safe to repeat) is tried
 * again, up to {@value #ATTEMPTS} times in all: the next attempt goes to the next instance, or through
 * the Service to another pod, so one stopped instance does not fail the calls.
 */
public final class InternalClient {

	private static final Logger LOG = LoggerFactory.getLogger(InternalClient.class);

	/** Attempts of a call whose connection is refused. */
	static final int ATTEMPTS = 3;

	private final String service;

	private final RestClient rest;

	/**
	 * @param builder the application's builder (cloned, not changed)
	 * @param service the called service's name, for messages (e.g. {@code st-ingest-service})
	 * @param baseUrl the called service's base URL, from the caller's settings
	 * @param timeout connect limit, and limit of the wait for the answer
	 * @param credentials adds this service's bearer token for the called API (platform-security's
	 *        {@code ServiceCredentials.forScope})
	 */
	public InternalClient(RestClient.Builder builder, String service, URI baseUrl, Duration timeout,
			ClientHttpRequestInterceptor credentials) {

		var http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(timeout);
		this.service = service;
		this.rest = builder.clone()
			.requestFactory(requests)
			.baseUrl(baseUrl.toString())
			.requestInterceptor(credentials)
			.build();
	}

	/**
	 * {@code GET uriTemplate} for {@code tenant}, the answer's bytes.
	 *
	 * @return empty when the service answers 404 (absent for this tenant)
	 * @throws InternalCallException on any other non-2xx answer, a timeout, an I/O failure or no token
	 */
	public Optional<Content> get(Tenant tenant, String uriTemplate, Object... uriVariables) {

		return call(() -> rest.get()
			.uri(uriTemplate, uriVariables)
			.header(TrustedHeaders.TENANT_ID, tenant.id())
			.exchange((request, response) -> {
				var status = response.getStatusCode();
				if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
					return Optional.<Content>empty();
				}
				if (!status.is2xxSuccessful()) {
					throw answered(status, null);
				}
				var type = response.getHeaders().getContentType();
				var location = response.getHeaders().getFirst(HttpHeaders.CONTENT_LOCATION);
				try (var body = response.getBody()) {
					return Optional.of(new Content(body.readAllBytes(), type == null ? MediaType.APPLICATION_OCTET_STREAM : type,
							location == null ? null : URI.create(location)));
				}
			}));
	}

	/**
	 * {@code HEAD uriTemplate} for {@code tenant}: whether the resource exists for it.
	 *
	 * @return true on 2xx, false on 404
	 * @throws InternalCallException on any other answer, a timeout, an I/O failure or no token
	 */
	public boolean exists(Tenant tenant, String uriTemplate, Object... uriVariables) {

		return call(() -> rest.head()
			.uri(uriTemplate, uriVariables)
			.header(TrustedHeaders.TENANT_ID, tenant.id())
			.exchange((request, response) -> {
				var status = response.getStatusCode();
				if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
					return false;
				}
				if (!status.is2xxSuccessful()) {
					throw answered(status, null);
				}
				return true;
			}));
	}

	/**
	 * {@code POST uriTemplate} without a body for {@code tenant}, the JSON answer read as {@code answer}.
	 *
	 * @return the answer, {@code null} when it has no body
	 * @throws InternalCallException on a non-2xx answer, a timeout, an I/O failure or no token
	 */
	public <T> @Nullable T post(Tenant tenant, Class<T> answer, String uriTemplate, Object... uriVariables) {

		return call(() -> rest.post()
			.uri(uriTemplate, uriVariables)
			.header(TrustedHeaders.TENANT_ID, tenant.id())
			.exchange((request, response) -> {
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw answered(response.getStatusCode(), problem(response));
				}
				return response.bodyTo(answer);
			}));
	}

	private <T> T call(Supplier<T> call) {

		for (var attempt = 1; attempt < ATTEMPTS; attempt++) {
			try {
				return attempt(call);
			}
			catch (InternalCallException ex) {
				if (!(ex.getCause() instanceof ResourceAccessException access) || !refused(access)) {
					throw ex;
				}
				LOG.debug("{}; trying again ({} of {} attempts)", ex.getMessage(), attempt + 1, ATTEMPTS);
			}
		}
		return attempt(call);
	}

	/**
	 * Whether the connection was refused: nothing reached the service. Not a connect timeout (whose cause
	 * the JDK client also makes a {@link ConnectException}): waiting that long again is no help.
	 */
	private static boolean refused(ResourceAccessException ex) {

		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return false;
			}
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	private <T> T attempt(Supplier<T> call) {

		try {
			return call.get();
		}
		catch (ResourceAccessException ex) {
			throw new InternalCallException(service + " unreachable: " + ex.getMessage(), null, null, ex);
		}
		catch (RestClientException ex) {
			throw new InternalCallException(service + " answered unreadably: " + ex.getMessage(), null, null, ex);
		}
		catch (InternalCallException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// The credentials interceptor's failures (the identity provider refused or did not answer) are
			// Spring Security's own runtime exceptions, unknown to this library.
			throw new InternalCallException(service + " could not be called: " + ex.getMessage(), null, null, ex);
		}
	}

	private InternalCallException answered(HttpStatusCode status, @Nullable ProblemDetail problem) {
		return new InternalCallException(service + " answered " + status.value(), status.value(), problem, null);
	}

	/** The error answer's RFC 9457 body, when it has one that reads as such. */
	private static @Nullable ProblemDetail problem(ConvertibleClientHttpResponse response) {

		if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())) {
			return null;
		}
		try {
			return response.bodyTo(ProblemDetail.class);
		}
		catch (RuntimeException ex) {
			// The status alone still tells the caller what happened; an unreadable problem body adds nothing.
			LOG.debug("Ignoring an unreadable problem body", ex);
			return null;
		}
	}

	/**
	 * An answer's body and its type.
	 *
	 * @param contentType the answer's {@code Content-Type}, {@code application/octet-stream} when absent
	 * @param location the answer's {@code Content-Location}, when it has one
	 */
	public record Content(byte[] bytes, MediaType contentType, @Nullable URI location) {
	}
}
