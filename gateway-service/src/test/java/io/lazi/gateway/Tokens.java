package io.lazi.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Mints the tokens an identity provider would issue, and the broken ones an attacker would try. */
final class Tokens {

	static final String SECRET = "test-secret-of-at-least-32-bytes-for-hs256!";

	static final String ISSUER = "lazi-dev";

	private Tokens() {
	}

	static String valid(String subject, List<String> tenants, List<String> roles) {
		return signed(SECRET, claims(subject, tenants, roles, ISSUER, Instant.now().plus(Duration.ofMinutes(5))));
	}

	static String expired(String subject, List<String> tenants, List<String> roles) {
		return signed(SECRET, claims(subject, tenants, roles, ISSUER, Instant.now().minus(Duration.ofMinutes(5))));
	}

	static String signedWithAnotherKey(String subject, List<String> tenants, List<String> roles) {
		return signed("another-secret-of-at-least-32-bytes-long!!",
				claims(subject, tenants, roles, ISSUER, Instant.now().plus(Duration.ofMinutes(5))));
	}

	static String fromAnotherIssuer(String subject, List<String> tenants, List<String> roles) {
		return signed(SECRET, claims(subject, tenants, roles, "evil", Instant.now().plus(Duration.ofMinutes(5))));
	}

	static String unsigned(String subject, List<String> tenants, List<String> roles) {
		return new PlainJWT(claims(subject, tenants, roles, ISSUER, Instant.now().plus(Duration.ofMinutes(5))))
			.serialize();
	}

	private static JWTClaimsSet claims(String subject, List<String> tenants, List<String> roles, String issuer,
			Instant expiry) {

		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(expiry))
			.claim("tenants", tenants)
			.claim("roles", roles)
			.build();
	}

	private static String signed(String secret, JWTClaimsSet claims) {

		try {
			var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
