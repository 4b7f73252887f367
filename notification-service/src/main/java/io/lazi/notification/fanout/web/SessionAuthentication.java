package io.lazi.notification.fanout.web;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import io.lazi.platform.security.Permission;
import io.lazi.platform.security.TokenClaims;
import reactor.core.publisher.Mono;

/**
 * Checks a fresh token a client sends in-band to keep its session past the handshake token's expiry:
 * validated exactly as a handshake token is (platform-security's decoder), for the same user, still
 * granting the session's tenant and {@code pricebook:read}.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class SessionAuthentication {

	private final ReactiveJwtDecoder decoder;

	/**
	 * @return the fresh token
	 * @throws JwtException (as the error signal) when it is invalid, of another user or no longer grants
	 *         the tenant
	 */
	Mono<Jwt> renew(String token, String user, String tenant) {

		return decoder.decode(token).handle((jwt, sink) -> {
			if (!user.equals(jwt.getSubject())) {
				sink.error(new JwtException("The token is of another user"));
			}
			else if (!TokenClaims.tenants(jwt).contains(tenant)) {
				sink.error(new JwtException("The token does not grant tenant " + tenant));
			}
			else if (!Permission.grantedTo(TokenClaims.roles(jwt)).contains(Permission.PRICEBOOK_READ)) {
				sink.error(new JwtException("The token does not grant pricebook:read"));
			}
			else {
				sink.next(jwt);
			}
		});
	}
}
