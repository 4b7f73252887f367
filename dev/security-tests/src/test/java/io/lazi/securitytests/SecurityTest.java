package io.lazi.securitytests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;

/**
 * The base of every probe class: the shared running platform (started on first use), the two tenants
 * of the simulator (the attacker holds {@link #TENANT}, the victim is {@link #VICTIM}) and request helpers.
 */
abstract class SecurityTest {

	/** The tenant the attacker's tokens grant. */
	static final String TENANT = "3222348440";

	/** The tenant whose data the attacker goes after. */
	static final String VICTIM = "1000000002";

	static SecurityPlatform platform;

	@BeforeAll
	static void startPlatform() {
		platform = SecurityPlatform.get();
	}

	/** The headers of a caller presenting {@code authorization} (none when null) for {@code tenant}. */
	static Map<String, String> headers(String authorization, String tenant) {

		var headers = new LinkedHashMap<String, String>();
		if (authorization != null) {
			headers.put("Authorization", authorization);
		}
		headers.put("X-Tenant-ID", tenant);
		headers.put("Accept", "application/json");
		return headers;
	}

	static Map<String, String> as(String role, String tenant) {
		return headers("Bearer " + platform.userToken(tenant, role), tenant);
	}

	/** Every port a request can reach: the gateway, then each service directly. */
	static Map<String, String> ports() {

		var ports = new LinkedHashMap<String, String>();
		ports.put("gateway-service", platform.gatewayUrl());
		ports.putAll(platform.serviceUrls());
		return ports;
	}

	/**
	 * Where {@code route} is reached, each as the URL of a path of the route: through the gateway, at its service's own
	 * port, and for pricebook-service's {@code /api/pricebook/**} also through the gateway's
	 * {@value #REFERENCE_PRICEBOOK} paths of the consolidated reference, which it rewrites to them.
	 */
	static Map<String, UnaryOperator<String>> bases(Route route) {

		var bases = new LinkedHashMap<String, UnaryOperator<String>>();
		bases.put("gateway-service", path -> platform.gatewayUrl() + path);
		bases.put(route.service(), path -> platform.serviceUrls().get(route.service()) + path);
		if (route.service().equals("pricebook-service") && (route.pattern().equals(PRICEBOOK)
				|| route.pattern().startsWith(PRICEBOOK + "/"))) {
			bases.put("gateway-service " + REFERENCE_PRICEBOOK,
					path -> platform.gatewayUrl() + REFERENCE_PRICEBOOK + path.substring(PRICEBOOK.length()));
		}
		return bases;
	}

	/** pricebook-service's API. */
	static final String PRICEBOOK = "/api/pricebook";

	/** The gateway's other path to {@link #PRICEBOOK}, the consolidated reference's. */
	static final String REFERENCE_PRICEBOOK = "/api/v2/pricebook";

	/** {@code headers} with a JSON content type. */
	static Map<String, String> json(Map<String, String> headers) {

		var withType = new LinkedHashMap<>(headers);
		withType.put("Content-Type", "application/json");
		return withType;
	}

	/** The routes of every service behind the gateway, from their own mappings. */
	static List<Route> routes() {
		return platform.routes();
	}
}
