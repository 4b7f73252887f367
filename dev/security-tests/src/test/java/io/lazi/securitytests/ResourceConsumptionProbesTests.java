package io.lazi.securitytests;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * API4 Unrestricted Resource Consumption: the gateway's per-tenant rate limit answers 429 with
 * {@code Retry-After}; WebSocket connections are capped per user and the handshake rate is limited
 * (429 before the upgrade); oversized JSON bodies answer 413 at the gateway and every service.
 */
class ResourceConsumptionProbesTests extends SecurityTest {

	@Test
	void limitsRatesConnectionsAndBodies() {

		var probes = new Probes(Category.RESOURCE_CONSUMPTION);
		var headers = as("VIEWER", TENANT);
		Http.Reply limited = null;
		for (int i = 0; i < 400 && limited == null; i++) {
			var reply = Http.once("GET", platform.gatewayUrl() + "/api/pricebook/categories", headers, BodyPublishers.noBody());
			if (reply.status() == 429) {
				limited = reply;
			}
		}
		probes.check(limited != null && limited.headers().firstValue("Retry-After").isPresent(),
				"gateway rate limit answers 429 with Retry-After within 400 requests",
				limited == null ? "never limited" : limited.summary());

		var token = URLEncoder.encode(platform.userToken(TENANT, "VIEWER"), StandardCharsets.UTF_8);
		for (var base : Map.of("gateway-service", platform.gatewayUrl(), "notification-service",
				platform.serviceUrls().get("notification-service")).entrySet()) {
			var open = new ArrayList<Handshake>();
			try {
				int refusedAt = -1;
				for (int i = 0; i < 300 && refusedAt < 0; i++) {
					var handshake = Handshake.open(base.getValue() + "/ws?access_token=" + token + "&tenant=" + TENANT, Map.of());
					open.add(handshake);
					if (handshake.status() != 101) {
						refusedAt = i;
						probes.check(handshake.status() == 429, base.getKey() + " refuses socket " + (i + 1) + " of one user with 429",
								handshake.status());
					}
				}
				probes.check(refusedAt > 0, base.getKey() + " caps WebSocket connections of one user below 300",
						refusedAt < 0 ? "300 sockets opened" : "refused at " + (refusedAt + 1));
			}
			finally {
				open.forEach(Handshake::close);
			}
		}

		var huge = "{\"name\":\"" + "x".repeat(2_000_000) + "\"}";
		for (var port : ports().entrySet()) {
			if (port.getKey().equals("notification-service")) {
				continue;
			}
			var route = platform.writeRoute(port.getKey());
			if (route == null) {
				continue;
			}
			var reply = Http.send(route.method(), port.getValue() + route.path("1"), json(as("ADMIN", TENANT)),
					BodyPublishers.ofString(huge));
			probes.expectStatus(reply, port.getKey() + " " + route + " with a 2 MB JSON body", 413);
		}
		probes.report();
	}
}
