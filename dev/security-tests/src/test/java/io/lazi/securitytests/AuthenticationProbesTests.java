package io.lazi.securitytests;

import org.junit.jupiter.api.Test;

/**
 * API2 Broken Authentication: every token variant an attacker tries, at the gateway and at every
 * service port, REST and WebSocket handshake; the valid token is accepted as a control.
 */
class AuthenticationProbesTests extends SecurityTest {

	@Test
	void refusesEveryForgedOrInvalidTokenOnEveryPort() {

		var probes = new Probes(Category.AUTHENTICATION);
		var valid = platform.userToken(TENANT, "ADMIN");
		var variants = platform.forge().variants(TENANT, VICTIM, valid);
		for (var port : ports().entrySet()) {
			var path = platform.readRoute(port.getKey());
			for (var variant : variants) {
				var probe = port.getKey() + " " + path + " with " + variant.name();
				if (path.equals("/ws")) {
					try (var handshake = Handshake.open(port.getValue() + path + "?tenant=" + TENANT,
							variant.authorization() == null ? java.util.Map.of() : java.util.Map.of("Authorization", variant.authorization()))) {
						probes.check(variant.refusals().contains(handshake.status()), probe, handshake.status());
					}
					continue;
				}
				var reply = Http.get(port.getValue() + path, headers(variant.authorization(), TENANT));
				probes.check(variant.refusals().contains(reply.status()), probe, reply.summary());
			}
			// The control: the valid token passes authentication (the object may not exist: 404 is fine).
			var control = Http.get(port.getValue() + path, headers("Bearer " + valid, TENANT));
			if (!path.equals("/ws")) {
				probes.check(control.status() != 401 && control.status() != 403 && control.status() < 500,
						port.getKey() + " " + path + " with the valid token (control)", control.summary());
			}
		}
		probes.report();
	}
}
