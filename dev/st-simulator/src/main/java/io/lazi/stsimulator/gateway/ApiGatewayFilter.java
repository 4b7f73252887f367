package io.lazi.stsimulator.gateway;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import io.lazi.stsimulator.auth.AccessTokens;
import io.lazi.stsimulator.auth.ClientRegistry;
import io.lazi.stsimulator.errors.ApiErrorResponse;
import io.lazi.stsimulator.faults.FaultKnobs;
import io.lazi.stsimulator.faults.LostAnswers;
import io.lazi.stsimulator.faults.ScriptedFaults;
import io.lazi.stsimulator.faults.TrafficStats;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ServiceTitan's API gateway does before a call reaches the API, applied to every
 * {@code /{module}/v2/tenant/{tenant}/...} path, in this order: injected latency; the app key
 * ({@code ST-App-Key} header or {@code servicetitanapplicationkey} query parameter, else 401); the
 * bearer token (else 401, also once expired); the tenant (unknown: 404; not the token's: 403); the
 * 429 storm, the tenant's scripted throttle plan and the per-tenant budget (429 with
 * {@code Retry-After}); the injected error rate (503); scripted category write faults (409, 500 or
 * 503 with an {@code ApiErrorResponse}). After the API: each applied category write is counted per item,
 * and its answer broken when a {@link LostAnswers} rule says so (the write stays done).
 * Gateway rejections use the API Management body {@code {"statusCode": …, "message": …}}; tenant
 * rejections use ServiceTitan's {@code ApiErrorResponse}.
 */
@Component
class ApiGatewayFilter extends OncePerRequestFilter {

	private static final Pattern API_PATH = Pattern.compile("^/[a-z]+/v2/tenant/([^/]+)(?:/.*)?$");

	private static final String APP_KEY_HEADER = "ST-App-Key";

	private static final String APP_KEY_PARAMETER = "servicetitanapplicationkey";

	private final ClientRegistry clients;

	private final AccessTokens tokens;

	private final FaultKnobs faults;

	private final ScriptedFaults scripted;

	private final TrafficStats stats;

	private final TenantRateLimiter rateLimiter;

	private final JsonMapper json;

	private final Clock clock;

	private final LostAnswers lostAnswers;

	ApiGatewayFilter(ClientRegistry clients, AccessTokens tokens, FaultKnobs faults, ScriptedFaults scripted,
			TrafficStats stats, RateLimitSettings rateLimit, JsonMapper json, Clock clock, LostAnswers lostAnswers) {

		this.clients = clients;
		this.tokens = tokens;
		this.faults = faults;
		this.scripted = scripted;
		this.stats = stats;
		this.rateLimiter = new TenantRateLimiter(rateLimit, System::nanoTime);
		this.json = json;
		this.clock = clock;
		this.lostAnswers = lostAnswers;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !API_PATH.matcher(pathOf(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {

		var matcher = API_PATH.matcher(pathOf(request));
		var tenant = matcher.matches() && matcher.group(1).matches("\\d{1,18}") ? Long.valueOf(matcher.group(1)) : null;
		var known = tenant != null && clients.isKnownTenant(tenant);
		if (known) {
			stats.apiCall(tenant, request.getMethod());
		}
		delay(faults.current().latencyMs());
		var rejection = authenticate(request, tenant, known);
		if (rejection != null) {
			rejection.writeTo(response, json);
			return;
		}
		var throttled = throttle(tenant);
		if (throttled != null) {
			stats.rateLimited(tenant);
			throttled.writeTo(response, json);
			return;
		}
		if (faults.drawError()) {
			stats.faultInjected(tenant);
			new Rejection(503, new ApimError(503, "The service is temporarily unavailable (simulated fault)."), Map.of())
				.writeTo(response, json);
			return;
		}
		var write = WriteCall.of(request.getMethod(), pathOf(request)).orElse(null);
		if (write == null) {
			chain.doFilter(request, response);
			return;
		}
		var call = write.namesItemInBody() ? new CachedBodyRequest(request) : request;
		var body = call instanceof CachedBodyRequest cached ? readTree(cached.body()) : null;
		var writeFault = scripted.failWriteOf(tenant, write.create() ? null : write.itemBefore(body))
			.map(fault -> new Rejection(fault.status(), ApiErrorResponse.of(fault.status(), fault.message(), Map.of()), Map.of()))
			.orElse(null);
		if (writeFault != null) {
			stats.faultInjected(tenant);
			writeFault.writeTo(response, json);
			return;
		}
		var buffered = new ContentCachingResponseWrapper(response);
		chain.doFilter(call, buffered);
		if (lostAnswer(write, body, buffered, tenant)) {
			breakAnswer(response, buffered);
			return;
		}
		buffered.copyBodyToResponse();
	}

	/** Counts an applied write and asks {@link LostAnswers} whether its answer is to be lost. */
	private boolean lostAnswer(WriteCall write, @Nullable JsonNode body, ContentCachingResponseWrapper answer, long tenant) {

		if (answer.getStatus() / 100 != 2) {
			return false;
		}
		var answered = write.create() ? json.readTree(answer.getContentAsByteArray()) : json.missingNode();
		return lostAnswers.applied(tenant, write.itemAfter(body, answered), write.create());
	}

	private @Nullable JsonNode readTree(byte[] body) {
		try {
			return json.readTree(body);
		}
		catch (JacksonException unreadable) {
			return null; // the API answers the 400; no item can be named
		}
	}

	/** The write happened; the client gets half an answer and the connection ends, as after a reset. */
	private static void breakAnswer(HttpServletResponse response, ContentCachingResponseWrapper answer) throws IOException {

		var body = answer.getContentAsByteArray();
		response.setStatus(200);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentLength(body.length + 64);
		response.getOutputStream().write(body, 0, body.length / 2);
		response.flushBuffer();
	}

	private @Nullable Rejection authenticate(HttpServletRequest request, @Nullable Long tenant, boolean known) {

		var appKey = request.getHeader(APP_KEY_HEADER) != null ? request.getHeader(APP_KEY_HEADER)
				: request.getParameter(APP_KEY_PARAMETER);
		if (appKey == null) {
			return unauthorized("Access denied due to missing subscription key. Make sure to include subscription key "
					+ "when making requests to an API.", null);
		}
		if (!clients.isAppKey(appKey)) {
			return unauthorized("Access denied due to invalid subscription key. Make sure to provide a valid key for an "
					+ "active subscription.", null);
		}
		var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		var token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? tokens.find(authorization.substring(7).strip()).orElse(null) : null;
		if (token == null) {
			return unauthorized("Unauthorized. Access token is missing or invalid.", "Bearer");
		}
		if (token.isExpiredAt(clock.instant())) {
			return unauthorized("Unauthorized. Access token has expired.",
					"Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
		}
		if (tenant == null || !known) {
			return new Rejection(404, ApiErrorResponse.of(404, "Tenant was not found.", Map.of()), Map.of());
		}
		if (token.tenant() != tenant) {
			return new Rejection(403, ApiErrorResponse.of(403,
					"The access token is not valid for tenant %d.".formatted(tenant), Map.of()), Map.of());
		}
		return null;
	}

	private @Nullable Rejection throttle(long tenant) {

		var current = faults.current();
		var now = clock.instant();
		long retryAfter;
		if (current.stormActiveAt(now)) {
			var millis = Duration.between(now, current.rateLimitStormUntil()).toMillis();
			retryAfter = Math.max(1, (millis + 999) / 1000);
		}
		else {
			var planned = scripted.throttle(tenant);
			retryAfter = planned > 0 ? planned : rateLimiter.tryAcquire(tenant);
		}
		if (retryAfter == 0) {
			return null;
		}
		return new Rejection(429,
				new ApimError(429, "Rate limit is exceeded. Try again in %d seconds.".formatted(retryAfter)),
				Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
	}

	private static Rejection unauthorized(String message, @Nullable String challenge) {
		return new Rejection(401, new ApimError(401, message),
				challenge == null ? Map.of() : Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
	}

	private static void delay(long millis) {

		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private record Rejection(int status, Object body, Map<String, String> headers) {

		void writeTo(HttpServletResponse response, JsonMapper json) throws IOException {

			response.setStatus(status);
			headers.forEach(response::setHeader);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(json.writeValueAsBytes(body));
		}
	}
}
