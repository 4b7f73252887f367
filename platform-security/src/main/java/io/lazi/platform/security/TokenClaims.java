package io.lazi.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import io.lazi.platform.events.access.Role;

/**
 * Lazi's claims: {@code tenants} and {@code roles} (JSON arrays of strings) of user tokens, and the
 * {@code scope} of service tokens; the authorities they grant: the {@link Permission}s of the known
 * roles plus {@code SCOPE_<scope>} per scope.
 */
public final class TokenClaims {

	public static final String TENANTS = "tenants";

	public static final String ROLES = "roles";

	public static final String SCOPE = "scope";

	private TokenClaims() {
	}

	/** The tenants the token grants, empty when the claim is missing. */
	public static List<String> tenants(Jwt jwt) {
		return strings(jwt, TENANTS);
	}

	/** The token's roles Lazi knows, unknown ones dropped. */
	public static List<Role> roles(Jwt jwt) {
		return strings(jwt, ROLES).stream().map(Role::of).flatMap(Optional::stream).distinct().toList();
	}

	/** Permissions and scopes of {@code jwt} as authorities. */
	public static Collection<GrantedAuthority> authorities(Jwt jwt) {

		var authorities = new ArrayList<GrantedAuthority>();
		Permission.grantedTo(roles(jwt)).forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
		scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		return authorities;
	}

	private static List<String> scopes(Jwt jwt) {

		var scope = jwt.getClaims().get(SCOPE);
		if (scope instanceof String text) {
			return Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).toList();
		}
		return strings(jwt, SCOPE);
	}

	private static List<String> strings(Jwt jwt, String claim) {

		if (!(jwt.getClaims().get(claim) instanceof Collection<?> values)) {
			return List.of();
		}
		return values.stream().filter(Objects::nonNull).map(Object::toString).toList();
	}
}
