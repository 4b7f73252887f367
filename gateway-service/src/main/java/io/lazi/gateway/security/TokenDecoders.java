package io.lazi.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Builds the token decoder from {@link JwtProperties}: RS256 against a JWK set when
 * {@code jwk-set-uri} is set, else HS256 with {@code hmac-secret}. Unsigned ({@code alg: none}),
 * expired, not-yet-valid, subject-less or wrong-issuer tokens are rejected.
 */
final class TokenDecoders {

	/** Shortest HS256 key RFC 7518 §3.2 allows: the hash output size. */
	static final int MIN_SECRET_BYTES = 32;

	private TokenDecoders() {
	}

	/** @throws IllegalStateException when no key source is configured or the secret is too short */
	static ReactiveJwtDecoder create(JwtProperties properties) {

		var decoder = decoder(properties);
		decoder.setJwtValidator(validator(properties));
		return decoder;
	}

	private static NimbusReactiveJwtDecoder decoder(JwtProperties properties) {

		var jwkSetUri = properties.jwkSetUri();
		if (jwkSetUri != null && !jwkSetUri.toString().isBlank()) {
			return NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri.toString()).build();
		}
		var secret = properties.hmacSecret();
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException(
					"No JWT key configured: set lazi.gateway.jwt.jwk-set-uri (LAZI_JWT_JWK_SET_URI) or lazi.gateway.jwt.hmac-secret (LAZI_JWT_SECRET)");
		}
		var bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException("lazi.gateway.jwt.hmac-secret must be at least " + MIN_SECRET_BYTES
					+ " bytes, got " + bytes.length);
		}
		return NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(bytes, "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
	}

	private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {

		var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
		var issuer = properties.issuer();
		validators.add(issuer == null || issuer.isBlank() ? JwtValidators.createDefault()
				: JwtValidators.createDefaultWithIssuer(issuer));
		validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}
}
