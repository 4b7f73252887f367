package io.lazi.securitytests;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Builds the token variants an attacker tries: none, malformed, unsigned, wrongly signed, algorithm
 * confusion, and correctly signed tokens with bad claims (which only an attacker holding the identity
 * provider's key, or a provider misconfigured, could produce: the services must still refuse them).
 */
final class TokenForge {

	/** One variant: what {@code Authorization} carries (null: no header), and the statuses that refuse it. */
	record Variant(String name, String authorization, List<Integer> refusals) {
	}

	private final RSAKey providerKey;

	private final String issuer;

	private final String audience;

	private final RSAKey attackerKey;

	TokenForge(RSAKey providerKey, String issuer, String audience) {
		this.providerKey = providerKey;
		this.issuer = issuer;
		this.audience = audience;
		this.attackerKey = generate(providerKey.getKeyID());
	}

	/**
	 * Every variant for {@code tenant}, built from a token an ADMIN of the tenant would get, against a
	 * request that names {@code tenant}; {@code foreignTenant} is a tenant the caller does not hold.
	 */
	List<Variant> variants(String tenant, String foreignTenant, String validToken) {

		var unauthenticated = List.of(401);
		var variants = new ArrayList<Variant>();
		variants.add(new Variant("no token", null, unauthenticated));
		variants.add(new Variant("empty bearer", "Bearer ", unauthenticated));
		variants.add(new Variant("not a JWT", "Bearer not-a-jwt", unauthenticated));
		variants.add(new Variant("three garbage segments", "Bearer a.b.c", unauthenticated));
		variants.add(new Variant("Basic credentials", "Basic " + base64("admin:admin"), unauthenticated));
		variants.add(new Variant("alg none", bearer(new PlainJWT(claims(tenant, c -> { })).serialize()), unauthenticated));
		variants.add(new Variant("signed with another key", bearer(rs256(attackerKey, claims(tenant, c -> { }))),
				unauthenticated));
		variants.add(new Variant("unknown kid", bearer(rs256(generate("attacker-kid"), claims(tenant, c -> { }))),
				unauthenticated));
		variants.add(new Variant("HS256 keyed with the provider's public key (RS/HS confusion)",
				bearer(hs256(publicKeyBytes(), claims(tenant, c -> { }))), unauthenticated));
		variants.add(new Variant("HS256 keyed with a guessable secret",
				bearer(hs256("secretsecretsecretsecretsecretsecret".getBytes(StandardCharsets.UTF_8), claims(tenant, c -> { }))),
				unauthenticated));
		variants.add(new Variant("attacker key embedded as jwk header", bearer(embeddedJwk(claims(tenant, c -> { }))),
				unauthenticated));
		variants.add(new Variant("jku header to an attacker JWKS", bearer(withJku(claims(tenant, c -> { }))),
				unauthenticated));
		variants.add(new Variant("expired", signed(tenant, c -> c.issueTime(ago(Duration.ofMinutes(20))).expirationTime(ago(Duration.ofMinutes(5)))),
				unauthenticated));
		variants.add(new Variant("not yet valid", signed(tenant, c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))),
				unauthenticated));
		variants.add(new Variant("no exp", signed(tenant, c -> c.expirationTime(null)), unauthenticated));
		variants.add(new Variant("over-long lifetime (30 days)",
				signed(tenant, c -> c.expirationTime(Date.from(Instant.now().plus(Duration.ofDays(30))))), unauthenticated));
		variants.add(new Variant("wrong iss", signed(tenant, c -> c.issuer("https://idp.attacker.example")), unauthenticated));
		variants.add(new Variant("no iss", signed(tenant, c -> c.issuer(null)), unauthenticated));
		variants.add(new Variant("wrong aud", signed(tenant, c -> c.audience("some-other-api")), unauthenticated));
		variants.add(new Variant("no aud", signed(tenant, c -> c.audience((String) null)), unauthenticated));
		variants.add(new Variant("no sub", signed(tenant, c -> c.subject(null)), unauthenticated));
		variants.add(new Variant("blank sub", signed(tenant, c -> c.subject(" ")), unauthenticated));
		variants.add(new Variant("tenants claim missing", signed(tenant, c -> c.claim("tenants", null)), List.of(401, 403)));
		variants.add(new Variant("foreign tenant in the claim", signed(tenant, c -> c.claim("tenants", List.of(foreignTenant))),
				List.of(403)));
		variants.add(new Variant("roles claim forged after signing", bearer(forgedRoles(validToken)), unauthenticated));
		variants.add(new Variant("signature stripped", bearer(stripSignature(validToken)), unauthenticated));
		return variants;
	}

	/** A token of the provider's key for {@code tenant} with the claims {@code adjust} leaves. */
	String signed(String tenant, Consumer<JWTClaimsSet.Builder> adjust) {
		return bearer(rs256(providerKey, claims(tenant, adjust)));
	}

	private JWTClaimsSet claims(String tenant, Consumer<JWTClaimsSet.Builder> adjust) {

		var now = Instant.now();
		var claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("probe-admin")
			.audience(audience)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.jwtID(UUID.randomUUID().toString())
			.claim("tenants", List.of(tenant))
			.claim("roles", List.of("ADMIN"));
		adjust.accept(claims);
		return claims.build();
	}

	private static String rs256(RSAKey key, JWTClaimsSet claims) {
		return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()), claims);
	}

	private static String hs256(byte[] secret, JWTClaimsSet claims) {

		try {
			var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(secret));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signed with the attacker's key, which the header itself offers as the one to verify with. */
	private String embeddedJwk(JWTClaimsSet claims) {
		return sign(attackerKey, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attackerKey.getKeyID())
			.jwk(attackerKey.toPublicJWK()), claims);
	}

	/** Signed with the attacker's key, whose JWKS the header points at. */
	private String withJku(JWTClaimsSet claims) {
		return sign(attackerKey, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attackerKey.getKeyID())
			.jwkURL(URI.create("https://attacker.example/jwks.json")), claims);
	}

	private static String sign(RSAKey key, JWSHeader.Builder header, JWTClaimsSet claims) {

		try {
			var jwt = new SignedJWT(header.build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The valid token with its payload's roles raised to OWNER and the original signature kept. */
	private static String forgedRoles(String token) {

		var parts = token.split("\\.");
		var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		var forged = payload.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"OWNER\"]")
			.replaceFirst("\"tenants\":\\[", "\"tenants\":[\"1\",");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
	}

	private static String stripSignature(String token) {
		return token.substring(0, token.lastIndexOf('.') + 1);
	}

	private byte[] publicKeyBytes() {

		try {
			return providerKey.toRSAPublicKey().getEncoded();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String kid) {

		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Date ago(Duration duration) {
		return Date.from(Instant.now().minus(duration));
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}
}
