package io.lazi.platform.security;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Decoders that verify RS256 signatures with the identity provider's JWK set (fetched on first use,
 * refreshed on unknown key ids) and apply {@link TokenValidators}. Every other {@code alg} (HS*,
 * {@code none}) is refused.
 */
public final class TokenDecoders {

	private TokenDecoders() {
	}

	/** For servlet services. */
	public static JwtDecoder servlet(SecurityProperties properties, String service) {

		var decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSet()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		decoder.setJwtValidator(TokenValidators.create(properties, service));
		return decoder;
	}

	/** For reactive services and the gateway. */
	public static ReactiveJwtDecoder reactive(SecurityProperties properties, String service) {

		var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSet())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(TokenValidators.create(properties, service));
		return decoder;
	}
}
