package io.lazi.stingest.servicetitan;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends ServiceTitan API calls inside the tenant's rate budget (one Resilience4j {@link RateLimiter}
 * per tenant, {@code requests-per-second} permits each second) with a bearer token and the
 * {@code ST-App-Key}. A 429 waits {@code Retry-After} (or the exponential back-off when absent), a 401
 * drops the cached token, and 5xx, I/O errors and timeouts back off exponentially, all up to
 * {@code max-attempts}; any other 4xx fails at once. Every attempt counts in {@link CallCounts} and the
 * {@code lazi.st.requests} counter, tags {@code tenant} and {@code outcome}: {@code ok}, {@code rate_limited}
 * (429), {@code unauthorized} (401), {@code client_error} (other 4xx), {@code server_error} (5xx) or
 * {@code io_error} (no answer: connection failure or timeout). Thread-safe.
 */
class GuardedCalls {

	private static final Logger LOG = LoggerFactory.getLogger(GuardedCalls.class);

	/** Longest wait for a permit of the tenant's budget before a call gives up. */
	private static final Duration PERMIT_TIMEOUT = Duration.ofMinutes(5);

	private final RestClient api;

	private final AccessTokens tokens;

	private final ServiceTitanProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final RateLimiterRegistry limiters;

	private final Retry retry;

	private final Retry onceRetry;

	GuardedCalls(RestClient api, AccessTokens tokens, ServiceTitanProperties properties, MeterRegistry meters, Clock clock) {
		this.api = api;
		this.tokens = tokens;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
		// One permit every 1/rps seconds rather than rps permits per second: a burst at the end of one
		// second and another at the start of the next would exceed ServiceTitan's sliding window.
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofNanos((1_000_000_000L + properties.requestsPerSecond() - 1)
					/ properties.requestsPerSecond()))
			.timeoutDuration(PERMIT_TIMEOUT)
			.build());
		this.retry = Retry.of("servicetitan", retryConfig(properties).retryExceptions(TransientFailure.class).build());
		this.onceRetry = Retry.of("servicetitan-once", retryConfig(properties)
			.retryOnException(ex -> ex instanceof TransientFailure failure && failure.unprocessed())
			.build());
		logRetries(retry);
		logRetries(onceRetry);
	}

	private static RetryConfig.Builder<Object> retryConfig(ServiceTitanProperties properties) {

		var backOff = IntervalFunction.ofExponentialBackoff(properties.initialBackoff(), 2.0, properties.maxBackoff());
		return RetryConfig.<Object>custom()
			.maxAttempts(properties.maxAttempts())
			.intervalBiFunction((attempt, outcome) -> outcome.isLeft()
					&& outcome.getLeft() instanceof TransientFailure failure && failure.retryAfter().isPresent()
							? failure.retryAfter().get().toMillis() : backOff.apply(attempt));
	}

	private static void logRetries(Retry retry) {
		retry.getEventPublisher()
			.onRetry(event -> LOG.info("ServiceTitan call retried in {} ms (attempt {}): {}",
					event.getWaitInterval().toMillis(), event.getNumberOfRetryAttempts() + 1,
					event.getLastThrowable() == null ? "" : event.getLastThrowable().getMessage()));
	}

	/**
	 * GETs a JSON resource of {@code tenant}.
	 *
	 * @param call description for messages, e.g. {@code GET /pricebook/v2/tenant/1/categories?page=2}
	 * @throws ServiceTitanException when the call fails for good (status in {@link ServiceTitanException#status()})
	 */
	<T> T get(String tenant, String call, CallCounts counts, Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
			ParameterizedTypeReference<T> type) {

		return exchange(tenant, call, counts, request, Answer.json(type));
	}

	/**
	 * Sends a call of {@code tenant} whose successful answers {@code answer} accepts and reads, with the
	 * same budget, token, retries and counting as {@link #get}.
	 *
	 * @throws ServiceTitanException when the call fails for good (status in {@link ServiceTitanException#status()})
	 */
	<T> T exchange(String tenant, String call, CallCounts counts,
			Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Answer<T> answer) {

		try {
			return retry.executeSupplier(() -> attempt(tenant, call, counts, request, answer));
		}
		catch (TransientFailure ex) {
			throw new ServiceTitanException(call + " failed after " + properties.maxAttempts() + " attempts: "
					+ ex.getMessage(), ex.status(), ex);
		}
	}

	/**
	 * Sends a call that must not run twice (a create): like {@link #exchange}, but repeated only after
	 * answers ServiceTitan surely did not process (429, 401). A 5xx, I/O error or timeout fails at once,
	 * because the call may have taken effect.
	 *
	 * @throws ServiceTitanException when the call fails (status in {@link ServiceTitanException#status()})
	 */
	<T> T exchangeOnce(String tenant, String call, CallCounts counts,
			Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Answer<T> answer) {

		try {
			return onceRetry.executeSupplier(() -> attempt(tenant, call, counts, request, answer));
		}
		catch (TransientFailure ex) {
			throw new ServiceTitanException(call + " failed: " + ex.getMessage(), ex.status(), ex);
		}
	}

	private <T> T attempt(String tenant, String call, CallCounts counts,
			Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Answer<T> answer) {

		var token = tokens.get(tenant);
		RateLimiter.waitForPermission(limiters.rateLimiter(tenant));
		counts.called();
		try {
			return request.apply(api)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.header("ST-App-Key", properties.appKey())
				.accept(MediaType.APPLICATION_JSON)
				.exchange((req, response) -> {
					var status = response.getStatusCode();
					if (answer.accepts(status)) {
						var body = answer.read(response);
						if (body == null) {
							throw new ServiceTitanException(call + " answered " + status.value() + " without a body",
									status.value());
						}
						count(tenant, "ok");
						return body;
					}
					if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
						counts.rateLimited();
						count(tenant, "rate_limited");
						throw TransientFailure.rateLimited(call,
								RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock));
					}
					var detail = call + " answered " + status.value() + ": " + Bodies.snippet(response);
					if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
						tokens.invalidate(tenant, token);
						count(tenant, "unauthorized");
						throw TransientFailure.of(detail, status.value(), null);
					}
					if (status.is5xxServerError()) {
						count(tenant, "server_error");
						throw TransientFailure.of(detail, status.value(), null);
					}
					count(tenant, "client_error");
					throw new ServiceTitanException(detail, status.value());
				});
		}
		catch (ResourceAccessException ex) {
			count(tenant, "io_error");
			throw TransientFailure.of(call + " did not complete: " + ex.getMessage(), ex);
		}
	}

	private void count(String tenant, String outcome) {
		Counter.builder("lazi.st.requests")
			.description("ServiceTitan API calls by outcome")
			.tag("tenant", tenant)
			.tag("outcome", outcome)
			.register(meters)
			.increment();
	}
}
