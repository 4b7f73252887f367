package io.lazi.platform.test;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.lazi.platform.events.access.InternalScope;

/**
 * Bearer tokens of {@link TestIdentityProvider} for tests: {@link #user} and {@link #service} build
 * valid tokens; their builders change claims, lifetime or signature for the bad variants.
 */
public final class TestTokens {

	/** The {@code aud} of user tokens. */
	public static final String USER_AUDIENCE = "lazi-api";

	/** The {@code sub} of {@link #user(String, String...)} tokens. */
	public static final String USER = "user-1";

	private TestTokens() {
	}

	/** A valid user token of {@link #USER} granting {@code tenant} with {@code roles}. */
	public static String user(String tenant, String... roles) {
		return user(USER, List.of(tenant), List.of(roles)).sign();
	}

	/** A user token's builder, valid until changed. */
	public static Builder user(String subject, List<String> tenants, List<String> roles) {
		return new Builder().claim("sub", subject)
			.claim("aud", List.of(USER_AUDIENCE))
			.claim("tenants", tenants)
			.claim("roles", roles);
	}

	/** A service token's builder, valid until changed: client {@code clientId}, one scope, its audience. */
	public static Builder service(String clientId, String scope, String audience) {
		return new Builder().claim("sub", clientId).claim("aud", List.of(audience)).claim("scope", scope);
	}

	/** A valid service token with {@code scope} for the service owning it, asked by a service allowed it. */
	public static String service(String scope) {

		var api = InternalScope.ofValue(scope);
		var client = api.map(known -> known.callers().getFirst()).orElse("unknown-service");
		return service(client, scope, api.map(InternalScope::audience).orElse("unknown-service")).sign();
	}

	/**
	 * The claims of {@code token} (compact, without {@code Bearer }), as a service under test obtained it
	 * from the provider's token endpoint.
	 *
	 * @throws AssertionError when the provider did not sign it
	 */
	public static Map<String, Object> verifiedClaims(String token) {

		try {
			var jwt = SignedJWT.parse(token);
			if (!jwt.verify(new RSASSAVerifier(TestIdentityProvider.get().key().toRSAPublicKey()))) {
				throw new AssertionError("Not signed by the test identity provider: " + token);
			}
			return jwt.getJWTClaimsSet().getClaims();
		}
		catch (ParseException | JOSEException ex) {
			throw new AssertionError("Not a token of the test identity provider: " + token, ex);
		}
	}

	/** How a {@link Builder} signs. */
	public enum Signature {
		/** RS256 with the provider's key: the valid one. */
		RS256,
		/** RS256 with a key the provider never published. */
		FOREIGN_KEY,
		/** HS256 keyed with the provider's public modulus (the RS/HS confusion attack). */
		HS256,
		/** {@code alg: none}, no signature. */
		NONE
	}

	/** Claims, times and signature of one token; {@code iss}, {@code iat}, {@code nbf}, {@code exp}, {@code jti} preset. */
	public static final class Builder {

		private final Map<String, @Nullable Object> claims = new LinkedHashMap<>();

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(30);

		private boolean expires = true;

		private Signature signature = Signature.RS256;

		private Builder() {
			claims.put("iss", TestIdentityProvider.get().issuer());
			claims.put("jti", UUID.randomUUID().toString());
		}

		/** Sets a claim, also a preset one; {@code null} leaves it out. */
		public Builder claim(String name, @Nullable Object value) {

			claims.put(name, value);
			return this;
		}

		public Builder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		/** {@code exp - iat}. */
		public Builder lifetime(Duration lifetime) {
			this.lifetime = lifetime;
			return this;
		}

		/** Leaves {@code exp} out. */
		public Builder withoutExpiry() {
			this.expires = false;
			return this;
		}

		public Builder signature(Signature signature) {
			this.signature = signature;
			return this;
		}

		/** The compact serialisation. */
		public String sign() {

			var set = new JWTClaimsSet.Builder().issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt));
			if (expires) {
				set.expirationTime(Date.from(issuedAt.plus(lifetime)));
			}
			claims.forEach(set::claim);
			var claimSet = set.build();
			var key = TestIdentityProvider.get().key();
			try {
				return switch (signature) {
					case RS256 -> rs256(key, claimSet);
					case FOREIGN_KEY -> rs256(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(), claimSet);
					case HS256 -> {
						var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claimSet);
						jwt.sign(new MACSigner(key.toRSAPublicKey().getModulus().toByteArray()));
						yield jwt.serialize();
					}
					case NONE -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claimSet.toString()) + ".";
				};
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign a test token", ex);
			}
		}

		private static String rs256(RSAKey key, JWTClaimsSet claims) throws JOSEException {

			var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}

		private static String base64(String json) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		}
	}
}
