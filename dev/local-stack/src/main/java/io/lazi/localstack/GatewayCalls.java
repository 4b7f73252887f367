package io.lazi.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls through the gateway as one user of one tenant (bearer token and {@code X-Tenant-ID}), the
 * way the SPA does; failures become {@link SyncException}s that say what to look at.
 */
final class GatewayCalls {

	/** Statuses the gateway answers while a service behind it is still starting. */
	static final Set<Integer> NOT_READY = Set.of(502, 503, 504);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gatewayUrl;

	private final String token;

	private final String tenant;

	GatewayCalls(String gatewayUrl, String token, String tenant) {
		this.gatewayUrl = gatewayUrl;
		this.token = token;
		this.tenant = tenant;
	}

	String tenant() {
		return tenant;
	}

	HttpResponse<String> get(String path) {
		return send("GET", path);
	}

	HttpResponse<String> send(String method, String path) {
		return send(method, path, null);
	}

	/** Sends {@code jsonBody} (when not {@code null}) as {@code application/json}. */
	HttpResponse<String> send(String method, String path, String jsonBody) {

		var builder = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("X-Tenant-ID", tenant)
			.header("Accept", "application/json");
		if (jsonBody != null) {
			builder.header("Content-Type", "application/json");
		}
		var request = builder.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(jsonBody)).build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SyncException(method + " " + gatewayUrl + path + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted during " + method + " " + path);
		}
	}

	static JsonNode json(HttpResponse<String> response) {

		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new SyncException(response.request().uri() + " answered something other than JSON: "
					+ response.body());
		}
	}

	static SyncException unexpected(String what, HttpResponse<String> response) {

		var hint = switch (response.statusCode()) {
			case 401 -> " (the gateway rejected the dev token: is it configured with LAZI_JWT_SECRET?)";
			case 403 -> " (the token lacks the role or tenant)";
			default -> "";
		};
		return new SyncException(what + " through the gateway answered HTTP " + response.statusCode() + hint + ": "
				+ response.body());
	}

	static void pause() {

		try {
			Thread.sleep(Duration.ofSeconds(1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted while waiting for the sync");
		}
	}
}
