package io.lazi.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServiceTitan's side of an end-to-end test: the simulator's admin knobs, and reads through its API
 * with the tenant's own credentials, as a ServiceTitan user would see the data.
 */
record Simulator(String baseUrl, HttpClient http) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	Simulator(String baseUrl) {
		this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
	}

	/** An admin call ({@code /admin/...}) with an optional JSON body; fails unless it answers 2xx. */
	JsonNode admin(String method, String path, String json) {

		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		var response = send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json)).build());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	/** {@code GET /pricebook/v2/tenant/{tenant}/categories/{id}} as ServiceTitan answers it now. */
	JsonNode category(String tenant, long id) {
		return get(tenant, "/pricebook/v2/tenant/" + tenant + "/categories/" + id);
	}

	/** A {@code GET} of ServiceTitan's API ({@code path} from {@code /}) with the tenant's credentials; fails unless 200. */
	JsonNode get(String tenant, String path) {

		var form = "grant_type=client_credentials&client_id=" + URLEncoder.encode("cid.sim-" + tenant, StandardCharsets.UTF_8)
				+ "&client_secret=" + URLEncoder.encode("cs1.sim-" + tenant, StandardCharsets.UTF_8);
		var token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build()).body()).path("access_token").asString();
		var response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer " + token)
			.header("ST-App-Key", "ak1.lazi-simulator")
			.GET()
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("ServiceTitan " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {

		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
