package io.lazi.securitytests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * API1 Broken Object Level Authorization, on every route the services declare: the victim tenant's
 * object ids asked for with the attacker's own tenant (never the victim's object back), and the
 * victim's tenant header with the attacker's token (403), at the gateway and at every service port;
 * and the WebSocket handshake for the victim's tenant.
 */
class ObjectLevelProbesTests extends SecurityTest {

	@Test
	void neverAnswersWithAnotherTenantsObjects() {

		var probes = new Probes(Category.OBJECT_LEVEL);
		var routes = routes();
		var victim = TenantData.gather(platform.gatewayUrl(), routes, as("ADMIN", VICTIM));
		var attacker = TenantData.gather(platform.gatewayUrl(), routes, as("ADMIN", TENANT));
		var victimTexts = victim.textsNotIn(attacker);
		var viewer = as("VIEWER", TENANT);
		var crossTenant = new HashMap<>(viewer);
		crossTenant.put("X-Tenant-ID", VICTIM);
		for (var route : routes) {
			if (!route.method().equals("GET") || route.internal()) {
				continue;
			}
			for (var sample : samples(route, victim)) {
				for (var base : bases(route).entrySet()) {
					if (route.pattern().equals("/ws")) {
						continue;
					}
					var own = Http.get(base.getValue().apply(sample), viewer);
					var leaked = victimTexts.stream().filter(own.body()::contains).findFirst();
					probes.check(own.status() >= 500 ? false : leaked.isEmpty(),
							base.getKey() + " " + route + " as " + TENANT + " with " + VICTIM + "'s ids: " + sample,
							leaked.map(text -> "answered the victim's '" + text + "'").orElse(own.summary()));
					var foreign = Http.get(base.getValue().apply(sample), crossTenant);
					probes.expectStatus(foreign, base.getKey() + " " + route + " naming tenant " + VICTIM + ": " + sample, 403);
				}
			}
		}
		var token = URLEncoder.encode(platform.userToken(TENANT, "VIEWER"), StandardCharsets.UTF_8);
		for (var base : Map.of("gateway-service", platform.gatewayUrl(), "notification-service",
				platform.serviceUrls().get("notification-service")).entrySet()) {
			try (var handshake = Handshake.open(base.getValue() + "/ws?access_token=" + token + "&tenant=" + VICTIM, Map.of())) {
				probes.check(handshake.status() == 403, base.getKey() + " /ws for tenant " + VICTIM, handshake.status());
			}
		}
		probes.report();
	}

	private static java.util.List<String> samples(Route route, TenantData victim) {

		var variables = route.variables();
		if (variables.isEmpty()) {
			return java.util.List.of(route.path("x"));
		}
		var samples = new java.util.ArrayList<String>();
		for (var id : victim.idsFor(variables.getLast())) {
			var values = new HashMap<String, String>();
			variables.forEach(name -> values.put(name, victim.idsFor(name).getFirst()));
			values.put(variables.getLast(), id);
			samples.add(route.path(values, id));
		}
		return samples;
	}
}
