package io.lazi.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Which permission each routed request needs, first match wins; a new route adds a line. Requests
 * on {@code /api/**} or {@code /ws} that match no rule are denied.
 */
final class AccessRules {

	private static final List<HttpMethod> READS = List.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	static final List<Rule> ALL = List.of(
			new Rule(READS, "/api/**", Permission.PRICEBOOK_READ),
			new Rule(WRITES, "/api/pricebook/**", Permission.PRICEBOOK_WRITE),
			new Rule(WRITES, "/api/sync/**", Permission.PRICEBOOK_WRITE),
			new Rule(WRITES, "/api/crm/**", Permission.CUSTOMERS_WRITE),
			new Rule(READS, "/images/**", Permission.PRICEBOOK_READ),
			new Rule(WRITES, "/images/**", Permission.PRICEBOOK_WRITE),
			new Rule(List.of(HttpMethod.GET), "/ws", Permission.PRICEBOOK_READ),
			new Rule(List.of(HttpMethod.GET), "/ws/**", Permission.PRICEBOOK_READ));

	private AccessRules() {
	}

	/** Requests of any of {@code methods} on paths matching {@code pattern} need {@code permission}. */
	record Rule(List<HttpMethod> methods, String pattern, Permission permission) {
	}
}
