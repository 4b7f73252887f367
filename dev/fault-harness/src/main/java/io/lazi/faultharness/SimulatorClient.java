package io.lazi.faultharness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ServiceTitan's side: the simulator's admin knobs ({@code /admin/...}, dev/st-simulator's README) and reads
 * of its API with the tenant's own credentials, as ServiceTitan's users see the data.
 */
final class SimulatorClient {

	private static final String APP_KEY = "ak1.lazi-simulator";

	private final String baseUrl;

	SimulatorClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** An admin call; fails unless it answers 2xx. */
	JsonNode admin(String method, String path, Object body) {

		// Generous: a synthetic pricebook or 500 edits of a 20,000-node one take a while on a busy machine.
		var response = Http.send(method, baseUrl + path, Map.of(), body == null ? null : Http.json(body),
				Duration.ofMinutes(10));
		// Status 0 without an answer: a connection not made in 5 s on a loaded machine sent nothing, so trying
		// again changes nothing twice.
		for (int attempt = 2; attempt <= 4 && response.status() == 0
				&& response.body().contains("HttpConnectTimeoutException"); attempt++) {
			Pause.of(Duration.ofSeconds(5));
			response = Http.send(method, baseUrl + path, Map.of(), body == null ? null : Http.json(body),
					Duration.ofMinutes(10));
		}
		if (!response.ok()) {
			throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.body());
		}
		return response.json();
	}

	/** Replaces the ServiceTitan-side faults (latency, error rate, 429 storm, token endpoint down). */
	void faults(long latencyMs, double errorRate, Instant rateLimitStormUntil, boolean tokenEndpointDown) {

		var body = new HashMap<String, Object>();
		body.put("latencyMs", latencyMs);
		body.put("errorRate", errorRate);
		body.put("rateLimitStormUntil", rateLimitStormUntil == null ? null : rateLimitStormUntil.toString());
		body.put("tokenEndpointDown", tokenEndpointDown);
		admin("PUT", "/admin/faults", body);
	}

	/** Clears every ServiceTitan fault and scripted failure. */
	void clearFaults() {
		admin("POST", "/admin/faults/reset", null);
	}

	/** Every category of the tenant as ServiceTitan holds it now, by id ({@code GET /admin/tenants/{t}/categories}). */
	Map<Long, JsonNode> categories(String tenant) {

		var all = new HashMap<Long, JsonNode>();
		admin("GET", "/admin/tenants/" + tenant + "/categories", null).forEach(c -> all.put(c.path("id").asLong(), c));
		return all;
	}

	/** The category write calls ServiceTitan applied for the tenant, answered or not: id → count. */
	Map<Long, Integer> writes(String tenant) {

		var writes = new HashMap<Long, Integer>();
		admin("GET", "/admin/stats/writes/" + tenant, null).properties()
			.forEach(entry -> writes.put(Long.parseLong(entry.getKey()), entry.getValue().asInt()));
		return writes;
	}

	/** The names of all categories, for counting creates. */
	static List<String> names(Map<Long, JsonNode> categories) {

		var names = new ArrayList<String>();
		categories.values().forEach(category -> names.add(category.path("name").asText()));
		return names;
	}
}
