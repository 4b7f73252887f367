package io.lazi.platform.security;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.HttpMethod;

import io.lazi.platform.events.access.InternalScope;

/**
 * Which authority each request needs, first match wins; the gateway and every service apply the same
 * list, so a service enforces on its own port exactly what the gateway does. A new route adds a line.
 * Requests on {@code /api/**}, {@code /images/**}, {@code /ws} or {@code /internal/**} that match no
 * rule are denied.
 */
public final class AccessRules {

	private static final List<HttpMethod> READS = List.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	/** Routes of users (the gateway routes these), by permission. */
	public static final List<Rule> USER = List.of(
			new Rule(READS, "/api/**", Permission.PRICEBOOK_READ.authority()),
			new Rule(WRITES, "/api/pricebook/**", Permission.PRICEBOOK_WRITE.authority()),
			new Rule(WRITES, "/api/sync/**", Permission.PRICEBOOK_WRITE.authority()),
			new Rule(WRITES, "/api/crm/**", Permission.CUSTOMERS_WRITE.authority()),
			new Rule(WRITES, "/api/v2/pricebook/**", Permission.PRICEBOOK_WRITE.authority()),
			new Rule(WRITES, "/api/v2/providers", Permission.SETTINGS_WRITE.authority()),
			new Rule(WRITES, "/api/v2/providers/**", Permission.SETTINGS_WRITE.authority()),
			new Rule(WRITES, "/api/v2/jobs/*/technicians", Permission.JOBS_ASSIGN.authority()),
			new Rule(WRITES, "/api/v2/jobs/*/technicians/**", Permission.JOBS_ASSIGN.authority()),
			new Rule(WRITES, "/api/v2/**", Permission.CUSTOMERS_WRITE.authority()),
			new Rule(READS, "/images/**", Permission.PRICEBOOK_READ.authority()),
			new Rule(WRITES, "/images/**", Permission.PRICEBOOK_WRITE.authority()),
			new Rule(List.of(HttpMethod.GET), "/ws", Permission.PRICEBOOK_READ.authority()),
			new Rule(List.of(HttpMethod.GET), "/ws/**", Permission.PRICEBOOK_READ.authority()));

	/** Internal APIs of services (never routed by the gateway), by scope. */
	public static final List<Rule> INTERNAL = List.of(
			new Rule(List.of(HttpMethod.GET), "/internal/servicetitan/images", InternalScope.SERVICETITAN_IMAGES.authority()),
			new Rule(List.of(HttpMethod.POST), "/internal/sync/**", InternalScope.SYNC.authority()),
			new Rule(READS, "/internal/uploads/**", InternalScope.UPLOADS.authority()));

	/** Paths whose requests need a rule above; anything else there is denied. */
	public static final List<String> GUARDED = List.of("/api/**", "/images/**", "/ws", "/ws/**", "/internal/**");

	private AccessRules() {
	}

	/**
	 * Declares the rules to a chain in order: each method and pattern of the {@link #USER} rules, and of
	 * the {@link #INTERNAL} ones when {@code internal}, to {@code grant}; then the {@link #GUARDED}
	 * patterns to {@code deny}. Servlet and reactive chains, and the gateway's, declare through this.
	 */
	public static void declare(boolean internal, Grant grant, Consumer<String[]> deny) {

		var rules = internal ? List.of(USER, INTERNAL) : List.of(USER);
		for (var list : rules) {
			for (var rule : list) {
				rule.methods().forEach(method -> grant.grant(method, rule.pattern(), rule.authority()));
			}
		}
		deny.accept(GUARDED.toArray(String[]::new));
	}

	/** Requests of {@code method} on paths matching {@code pattern} need {@code authority}, in a chain. */
	@FunctionalInterface
	public interface Grant {

		void grant(HttpMethod method, String pattern, String authority);
	}

	/** Requests of any of {@code methods} on paths matching {@code pattern} need {@code authority}. */
	public record Rule(List<HttpMethod> methods, String pattern, String authority) {
	}
}
