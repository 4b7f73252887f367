package io.lazi.localstack.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lazi.platform.events.TrustedHeaders;

/**
 * HTTP calls to one process of the stack, made the way its real clients make them: through the
 * gateway as one user of one tenant (bearer token and {@value TrustedHeaders#TENANT_ID}, as the SPA does), to a
 * service directly with the same token and tenant header (services validate the token themselves), or
 * with no identity at all (the simulator's admin API). Failures become {@link SyncException}s that say what
 * to look at. Immutable and thread-safe.
 */
public final class ServiceClient {

	/** Statuses the gateway answers while a service behind it is still starting. */
	public static final Set<Integer> NOT_READY = Set.of(502, 503, 504);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** How many 429s in a row {@link #sendPolitely} waits out before it gives up. */
	private static final int RATE_LIMITED_ATTEMPTS = 30;

	private final String baseUrl;

	private final String tenant;

	private final Map<String, String> identity;

	private final boolean viaGateway;

	private final Duration timeout;

	private ServiceClient(String baseUrl, String tenant, Map<String, String> identity, boolean viaGateway,
			Duration timeout) {

		this.baseUrl = baseUrl;
		this.tenant = tenant;
		this.identity = Map.copyOf(identity);
		this.viaGateway = viaGateway;
		this.timeout = timeout;
	}

	/** Through the gateway at {@code gatewayUrl} as the holder of {@code token}, acting for {@code tenant}. */
	public static ServiceClient gateway(String gatewayUrl, String token, String tenant) {

		var identity = new LinkedHashMap<String, String>();
		identity.put("Authorization", "Bearer " + token);
		identity.put(TrustedHeaders.TENANT_ID, tenant);
		return new ServiceClient(gatewayUrl, tenant, identity, true, Duration.ofSeconds(30));
	}

	/** To the service at {@code serviceUrl} directly, as the holder of {@code token} acting for {@code tenant}. */
	public static ServiceClient direct(String serviceUrl, String token, String tenant) {

		var identity = new LinkedHashMap<String, String>();
		identity.put("Authorization", "Bearer " + token);
		identity.put(TrustedHeaders.TENANT_ID, tenant);
		return new ServiceClient(serviceUrl, tenant, identity, false, Duration.ofSeconds(30));
	}

	/** To the service at {@code serviceUrl} directly, with no identity (the simulator's admin API). */
	public static ServiceClient anonymous(String serviceUrl) {
		return new ServiceClient(serviceUrl, "", Map.of(), false, Duration.ofSeconds(10));
	}

	/** This client with another per-request timeout. */
	public ServiceClient withTimeout(Duration requestTimeout) {
		return new ServiceClient(baseUrl, tenant, identity, viaGateway, requestTimeout);
	}

	/** The tenant the calls act for; empty for {@link #anonymous}. */
	public String tenant() {
		return tenant;
	}

	/** A request for {@code baseUrl + path} with this client's identity headers and timeout, to be completed by the caller. */
	public HttpRequest.Builder request(String path) {

		var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
		identity.forEach(builder::header);
		return builder;
	}

	/** {@code GET path}, asking for JSON. */
	public HttpResponse<String> get(String path) {
		return send("GET", path, null);
	}

	/** {@code method path} without a body, asking for JSON. */
	public HttpResponse<String> send(String method, String path) {
		return send(method, path, null);
	}

	/**
	 * Sends {@code jsonBody} (when not {@code null}) as {@code application/json}, asking for JSON.
	 * @throws SyncException when there is no answer
	 */
	public HttpResponse<String> send(String method, String path, String jsonBody) {

		var builder = request(path).header("Accept", "application/json");
		if (jsonBody != null) {
			builder.header("Content-Type", "application/json");
		}
		var request = builder.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(jsonBody)).build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SyncException(method + " " + baseUrl + path + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted during " + method + " " + path);
		}
	}

	/**
	 * As {@link #send(String, String, String)}, but a 429 (the gateway's per-tenant rate limit) waits
	 * its {@code Retry-After} (seconds, at least 1) and tries again, as the SPA does.
	 * @throws SyncException when the answer is still 429 after {@value #RATE_LIMITED_ATTEMPTS} attempts
	 */
	public HttpResponse<String> sendPolitely(String method, String path, String jsonBody) {

		for (var attempt = 1;; attempt++) {
			var response = send(method, path, jsonBody);
			if (response.statusCode() != 429) {
				return response;
			}
			if (attempt == RATE_LIMITED_ATTEMPTS) {
				throw new SyncException(method + " " + path + " stayed rate limited after " + attempt + " attempts");
			}
			var seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			pause(Duration.ofSeconds(Math.max(1, seconds)));
		}
	}

	/**
	 * The JSON answer of a call that must succeed (2xx; a blank body is an empty object), waiting out
	 * rate limits as {@link #sendPolitely} does.
	 * @throws SyncException for any other status
	 */
	public JsonNode fetch(String method, String path, String jsonBody) {

		var response = sendPolitely(method, path, jsonBody);
		if (response.statusCode() / 100 != 2) {
			throw unexpected(method + " " + path, response);
		}
		return response.body().isBlank() ? JSON.createObjectNode() : json(response);
	}

	/** {@link #fetch} of {@code GET path}. */
	public JsonNode fetch(String path) {
		return fetch("GET", path, null);
	}

	/** An error for an answer the caller did not expect, with a hint for the gateway's 401 and 403. */
	public SyncException unexpected(String what, HttpResponse<String> response) {

		var hint = switch (response.statusCode()) {
			case 401 -> " (the token was rejected: is the service configured with the identity provider's "
					+ "LAZI_SECURITY_ISSUER_URI, and the token still valid?)";
			case 403 -> " (the token lacks the role or tenant)";
			default -> "";
		};
		return new SyncException(what + (viaGateway ? " through the gateway" : " on " + baseUrl) + " answered HTTP "
				+ response.statusCode() + hint + ": " + response.body());
	}

	/**
	 * The body of {@code response} as JSON.
	 * @throws SyncException when it is not JSON
	 */
	public static JsonNode json(HttpResponse<String> response) {

		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new SyncException(response.request().uri() + " answered something other than JSON: "
					+ response.body());
		}
	}

	/**
	 * Sleeps between two polls.
	 * @throws SyncException when interrupted (the interrupt flag is kept)
	 */
	public static void pause(Duration duration) {

		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted while waiting");
		}
	}

	/** {@link #pause(Duration)} of one second, the poll interval of the syncs. */
	static void pause() {
		pause(Duration.ofSeconds(1));
	}
}
