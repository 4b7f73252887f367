package io.lazi.securitytests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes each service declares, read from its own {@code /actuator/mappings} on the management
 * port: a route added to a service is probed with no change to the suite. Spring's error and
 * framework mappings are left out.
 */
final class RouteCatalog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RouteCatalog() {
	}

	/**
	 * The routes of {@code service}, whose management base URL is {@code managementUrl}, asked with
	 * {@code authorization} (the management port serves health and metrics only without a token).
	 */
	static List<Route> read(String service, String managementUrl, String authorization) {

		var reply = Http.get(managementUrl + "/actuator/mappings", Map.of("Accept", "application/json", "Authorization", authorization));
		if (reply.status() != 200) {
			throw new IllegalStateException(service + " did not list its mappings: " + reply.summary());
		}
		var routes = new LinkedHashSet<Route>();
		for (var context : JSON.readTree(reply.body()).path("contexts")) {
			var mappings = context.path("mappings");
			collect(service, mappings.path("dispatcherServlets"), routes);
			collect(service, mappings.path("dispatcherHandlers"), routes);
		}
		return new ArrayList<>(routes);
	}

	private static void collect(String service, JsonNode dispatchers, LinkedHashSet<Route> routes) {

		for (var dispatcher : dispatchers) {
			for (var mapping : dispatcher) {
				var conditions = mapping.path("details").path("requestMappingConditions");
				if (conditions.isMissingNode()) {
					// A handler mapped by URL alone (the WebSocket endpoint), not a resource handler.
					var predicate = mapping.path("predicate").asString("");
					if (predicate.startsWith("/") && !predicate.contains("*") && !predicate.contains(" ")
							&& !mapping.path("handler").asString("").contains("Resource")) {
						routes.add(new Route(service, "GET", predicate));
					}
					continue;
				}
				var methods = new ArrayList<String>();
				conditions.path("methods").forEach(method -> methods.add(method.asString()));
				if (methods.isEmpty()) {
					methods.add("GET");
				}
				for (var pattern : conditions.path("patterns")) {
					var path = pattern.asString();
					if (path.equals("/error") || path.startsWith("/actuator")) {
						continue;
					}
					methods.forEach(method -> routes.add(new Route(service, method, path)));
				}
			}
		}
	}
}
