package io.lazi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import io.lazi.platform.events.access.Role;

/**
 * The user rules in the order chains declare them ({@link AccessRules#declare}), first match wins: which
 * authority a request needs and so which roles pass, for the routes of the domain API v2 beside the older ones.
 */
class AccessRulesUnitTests {

	@Test
	void readsOfTheDomainApiAreEveryRoles() {

		for (var path : List.of("/api/v2/customers", "/api/v2/jobs/42/technicians", "/api/v2/providers",
				"/api/v2/pricebook/categories", "/api/v2/openapi")) {
			assertThat(rolesAllowed(HttpMethod.GET, path)).as(path).containsExactly(Role.values());
		}
	}

	@Test
	void writesOfTheDomainApiNeedCustomerWrites() {

		for (var path : List.of("/api/v2/customers", "/api/v2/customers/7/contacts", "/api/v2/appointments/9",
				"/api/v2/commands", "/api/v2/jobs/42")) {
			assertThat(required(HttpMethod.POST, path)).as(path).isEqualTo("customers:write");
		}
		assertThat(rolesAllowed(HttpMethod.PATCH, "/api/v2/customers/7")).containsExactly(Role.OWNER, Role.ADMIN,
				Role.MANAGER, Role.DISPATCHER);
	}

	@Test
	void assigningTechniciansNeedsJobAssignmentWhichTechniciansLack() {

		assertThat(required(HttpMethod.POST, "/api/v2/jobs/42/technicians")).isEqualTo("jobs:assign");
		assertThat(required(HttpMethod.PUT, "/api/v2/jobs/42/technicians")).isEqualTo("jobs:assign");
		assertThat(rolesAllowed(HttpMethod.POST, "/api/v2/jobs/42/technicians")).containsExactly(Role.OWNER, Role.ADMIN,
				Role.MANAGER, Role.DISPATCHER);
	}

	@Test
	void switchingProvidersIsForOwnersAndAdmins() {

		assertThat(required(HttpMethod.PUT, "/api/v2/providers")).isEqualTo("settings:write");
		assertThat(rolesAllowed(HttpMethod.PUT, "/api/v2/providers")).containsExactly(Role.OWNER, Role.ADMIN);
	}

	@Test
	void theReferencesPricebookPathsNeedWhatThePricebookPathsNeed() {

		for (var method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
			assertThat(required(method, "/api/v2/pricebook/categories/41000111")).isEqualTo("pricebook:write")
				.isEqualTo(required(method, "/api/pricebook/categories/41000111"));
		}
		// The pull button, routed by the gateway to st-ingest's incremental pull, is a pricebook write on both sides.
		assertThat(required(HttpMethod.POST, "/api/pricebook/categories/sync")).isEqualTo("pricebook:write")
			.isEqualTo(required(HttpMethod.POST, "/api/v2/pricebook/categories/sync"))
			.isEqualTo(required(HttpMethod.POST, "/api/sync/pricebook/incremental"));
	}

	/** The authority of the first user rule matching, or null (then the guarded paths deny). */
	private static String required(HttpMethod method, String path) {

		var rules = new ArrayList<AccessRules.Rule>();
		AccessRules.declare(false, (m, pattern, authority) -> rules.add(new AccessRules.Rule(List.of(m), pattern, authority)),
				denied -> { });
		var container = PathContainer.parsePath(path);
		return rules.stream()
			.filter(rule -> rule.methods().contains(method)
					&& PathPatternParser.defaultInstance.parse(rule.pattern()).matches(container))
			.map(AccessRules.Rule::authority)
			.findFirst()
			.orElse(null);
	}

	private static List<Role> rolesAllowed(HttpMethod method, String path) {

		var needed = required(method, path);
		return List.of(Role.values())
			.stream()
			.filter(role -> Permission.grantedTo(List.of(role)).stream().anyMatch(p -> p.authority().equals(needed)))
			.toList();
	}
}
