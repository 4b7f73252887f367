package io.lazi.identityprovider.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.lazi.platform.events.access.Role;

/**
 * The console's users: for each tenant and each {@link Role} one user named
 * {@code <role lower-case>@<tenant>} (e.g. {@code admin@3222348440}) with that tenant and that role,
 * all with the configured password. A user's tenants and roles are kept as authorities
 * {@value #TENANT_PREFIX}{@code <tenant>} and {@value #ROLE_PREFIX}{@code <ROLE>}, from which the
 * token customizer writes the {@code tenants} and {@code roles} claims.
 */
public final class Users {

	/** Prefix of a tenant authority. */
	public static final String TENANT_PREFIX = "TENANT_";

	/** Prefix of a role authority (Spring Security's). */
	public static final String ROLE_PREFIX = "ROLE_";

	private Users() {
	}

	/**
	 * Every user of {@code tenants}.
	 * @param password the shared password, encoded here with {@code encoder}
	 */
	public static List<UserDetails> all(List<String> tenants, String password, PasswordEncoder encoder) {

		var encoded = encoder.encode(password);
		var users = new ArrayList<UserDetails>();
		for (var tenant : tenants) {
			for (var role : Role.values()) {
				users.add(User.withUsername(username(role, tenant))
					.password(encoded)
					.authorities(TENANT_PREFIX + tenant, ROLE_PREFIX + role.name())
					.build());
			}
		}
		return users;
	}

	/** {@code <role lower-case>@<tenant>}. */
	public static String username(Role role, String tenant) {
		return role.name().toLowerCase(Locale.ROOT) + "@" + tenant;
	}

	/** The tenants of a logged-in user, in authority order. */
	public static List<String> tenants(Authentication user) {
		return withPrefix(user, TENANT_PREFIX);
	}

	/** The roles of a logged-in user, in authority order. */
	public static List<String> roles(Authentication user) {
		return withPrefix(user, ROLE_PREFIX);
	}

	private static List<String> withPrefix(Authentication user, String prefix) {

		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith(prefix))
			.map(authority -> authority.substring(prefix.length()))
			.toList();
	}
}
