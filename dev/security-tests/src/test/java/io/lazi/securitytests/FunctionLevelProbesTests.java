package io.lazi.securitytests;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * API5 Broken Function Level Authorization: every role against every write route, at the gateway and
 * at the owning service's port (a role without the route's permission gets 403; one with it is never
 * refused for its role), and every internal route against user tokens, service tokens of the wrong
 * scope and no token.
 */
class FunctionLevelProbesTests extends SecurityTest {

	/** An id no tenant has, so that a permitted write changes nothing. */
	private static final String ABSENT_ID = "987654321987";

	@Test
	void refusesEveryRoleWithoutTheRoutesPermission() {

		var probes = new Probes(Category.FUNCTION_LEVEL);
		for (var route : routes()) {
			if (!route.writes() || route.internal()) {
				continue;
			}
			var path = route.path(ABSENT_ID);
			for (var role : platform.roles()) {
				var allowed = platform.permits(role, route);
				for (var base : bases(route).entrySet()) {
					var reply = Http.send(route.method(), base.getValue().apply(path), json(as(role, TENANT)),
							BodyPublishers.ofString("{}"));
					var probe = base.getKey() + " " + route + " as " + role;
					if (allowed) {
						probes.check(reply.status() != 401 && reply.status() != 403 && reply.status() < 500, probe + " (permitted)",
								reply.summary());
					}
					else {
						probes.expectStatus(reply, probe, 403);
					}
				}
			}
		}
		probes.report();
	}

	/**
	 * The consolidated reference's pull button, a gateway route of its own ({@code POST /api/pricebook/categories/sync}
	 * and its {@code /api/v2/pricebook/} path, sent to st-ingest as its incremental pricebook pull), which no service
	 * declares: each role without the pricebook's write permission is refused, the others start a pull (or are told
	 * of the one running).
	 */
	@Test
	void refusesThePullButtonToEveryRoleWithoutThePricebooksWritePermission() {

		var probes = new Probes(Category.FUNCTION_LEVEL);
		for (var path : List.of(PRICEBOOK + "/categories/sync", REFERENCE_PRICEBOOK + "/categories/sync")) {
			var button = new Route("pricebook-service", "POST", path);
			for (var role : platform.roles()) {
				var reply = Http.send("POST", platform.gatewayUrl() + path, as(role, TENANT), BodyPublishers.noBody());
				var probe = "gateway-service " + button + " as " + role;
				if (platform.permits(role, button)) {
					probes.expectStatus(reply, probe + " (permitted)", 202, 409);
				}
				else {
					probes.expectStatus(reply, probe, 403);
				}
			}
		}
		probes.report();
	}

	@Test
	void refusesInternalRoutesToUsersAndToServicesOfAnotherScope() {

		var probes = new Probes(Category.FUNCTION_LEVEL);
		for (var route : routes()) {
			if (!route.internal()) {
				continue;
			}
			var url = platform.serviceUrls().get(route.service()) + route.path(ABSENT_ID);
			var body = route.writes() ? BodyPublishers.ofString("{}") : BodyPublishers.noBody();
			probes.expectStatus(Http.send(route.method(), url, json(headers(null, TENANT)), body), route + " without a token", 401);
			for (var role : platform.roles()) {
				probes.expectStatus(Http.send(route.method(), url, json(as(role, TENANT)), body), route + " as " + role, 403);
			}
			// A token of another scope is either for another service (401: wrong audience) or lacks the scope (403).
			for (var token : platform.serviceTokensNotFor(route)) {
				probes.expectStatus(Http.send(route.method(), url, json(headers("Bearer " + token.value(), TENANT)), body),
						route + " with " + token.name(), 401, 403);
			}
			var gateway = Http.send(route.method(), platform.gatewayUrl() + route.path(ABSENT_ID), json(as("OWNER", TENANT)), body);
			probes.check(gateway.status() == 404 || gateway.status() == 403, "gateway routes " + route, gateway.summary());
		}
		probes.report();
	}

}
