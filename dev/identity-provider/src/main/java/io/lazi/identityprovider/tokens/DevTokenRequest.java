package io.lazi.identityprovider.tokens;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

import io.lazi.platform.events.access.Role;

/**
 * What the {@code lazi-cli} client asks for in the extra parameters of its client-credentials token
 * request: a user token with {@code sub}, {@code tenants} (comma-separated, each 1–19 digits),
 * {@code roles} (comma-separated {@link Role} names) and optionally {@code ttl} (whole seconds, at
 * most the maximum user-token lifetime; default that maximum).
 *
 * @param subject the {@code sub} claim: 1–255 characters, no control characters
 * @param tenants the {@code tenants} claim, without duplicates, in request order
 * @param roles the {@code roles} claim, without duplicates, in request order
 * @param lifetime {@code exp - iat}
 */
public record DevTokenRequest(String subject, List<String> tenants, List<String> roles, Duration lifetime) {

	/** Request parameter of the {@code sub} claim. */
	public static final String SUB = "sub";

	/** Request parameter of the {@code tenants} claim. */
	public static final String TENANTS = "tenants";

	/** Request parameter of the {@code roles} claim. */
	public static final String ROLES = "roles";

	/** Request parameter of the lifetime, in seconds. */
	public static final String TTL = "ttl";

	private static final Pattern TENANT = Pattern.compile("[0-9]{1,19}");

	private static final Pattern SUBJECT = Pattern.compile("[^\\p{Cntrl}]{1,255}");

	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");

	/**
	 * Reads and checks the request's additional parameters.
	 * @param maxLifetime the longest lifetime allowed, also the default
	 * @throws OAuth2AuthenticationException {@code invalid_request} naming the parameter that is
	 * missing or wrong
	 */
	public static DevTokenRequest from(Map<String, Object> parameters, Duration maxLifetime) {

		var subject = text(parameters, SUB);
		if (subject == null || !SUBJECT.matcher(subject).matches() || subject.isBlank()) {
			throw invalid(SUB, "is required: 1 to 255 characters, no control characters");
		}
		var tenants = list(parameters, TENANTS);
		for (var tenant : tenants) {
			if (!TENANT.matcher(tenant).matches()) {
				throw invalid(TENANTS, "must be tenant ids of 1 to 19 digits, comma-separated; got '" + tenant + "'");
			}
		}
		var roles = list(parameters, ROLES);
		for (var role : roles) {
			if (Arrays.stream(Role.values()).noneMatch(known -> known.name().equals(role))) {
				throw invalid(ROLES, "must be among " + Arrays.toString(Role.values()) + "; got '" + role + "'");
			}
		}
		return new DevTokenRequest(subject, tenants, roles, lifetime(text(parameters, TTL), maxLifetime));
	}

	private static Duration lifetime(String ttl, Duration max) {

		if (ttl == null) {
			return max;
		}
		if (!SECONDS.matcher(ttl).matches() || Long.parseLong(ttl) == 0) {
			throw invalid(TTL, "must be a whole number of seconds above 0; got '" + ttl + "'");
		}
		var lifetime = Duration.ofSeconds(Long.parseLong(ttl));
		if (lifetime.compareTo(max) > 0) {
			throw invalid(TTL, "must be at most " + max.toSeconds() + " seconds; got " + ttl);
		}
		return lifetime;
	}

	private static List<String> list(Map<String, Object> parameters, String name) {

		var value = text(parameters, name);
		if (value == null || value.isBlank()) {
			throw invalid(name, "is required: comma-separated values");
		}
		var items = new LinkedHashSet<String>();
		for (var item : value.split(",", -1)) {
			items.add(item.strip());
		}
		return List.copyOf(items);
	}

	/** The single value of {@code name}; a repeated parameter is refused (which one would count?). */
	private static String text(Map<String, Object> parameters, String name) {

		var value = parameters.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return text;
		}
		throw invalid(name, "must be given once");
	}

	private static OAuth2AuthenticationException invalid(String parameter, String problem) {

		var error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "Parameter '" + parameter + "' " + problem,
				"https://datatracker.ietf.org/doc/html/rfc6749#section-5.2");
		return new OAuth2AuthenticationException(error);
	}
}
