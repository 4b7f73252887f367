package io.lazi.gateway.security;

import java.util.List;
import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Flux;

/** Reads the {@code roles} and {@code tenants} claims; grants the permissions of the known roles. */
final class TokenAuthorities implements Converter<Jwt, Flux<GrantedAuthority>> {

	static final String ROLES = "roles";

	static final String TENANTS = "tenants";

	@Override
	public Flux<GrantedAuthority> convert(Jwt jwt) {
		return Flux.fromIterable(Permission.grantedTo(roles(jwt)))
			.map(permission -> new SimpleGrantedAuthority(permission.authority()));
	}

	/** The token's roles this gateway knows, unknown ones dropped. */
	static List<Role> roles(Jwt jwt) {
		return strings(jwt, ROLES).stream().map(Role::of).flatMap(java.util.Optional::stream).distinct().toList();
	}

	/** The tenants the token grants, empty when the claim is missing. */
	static List<String> tenants(Jwt jwt) {
		return strings(jwt, TENANTS);
	}

	private static List<String> strings(Jwt jwt, String claim) {

		if (!(jwt.getClaims().get(claim) instanceof List<?> values)) {
			return List.of();
		}
		return values.stream().filter(Objects::nonNull).map(Object::toString).toList();
	}
}
