package io.lazi.localstack.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mints the HS256 development JWTs the gateway accepts locally.
 *
 * <p>Claims: {@code sub}, {@code tenants} (array of strings), {@code roles} (array of strings),
 * {@code iss} = {@value #ISSUER}, {@code iat}, {@code exp}. The HMAC key is the UTF-8 bytes of the
 * secret string exactly as it is handed to the gateway ({@code LAZI_JWT_SECRET}); the secret itself
 * is base64 text of {@value #SECRET_BYTES} random bytes (see {@link #newSecret()}), not decoded.
 * Stateless and thread-safe; no argument may be {@code null}.
 */
public final class DevTokens {

	/** The {@code iss} claim of every dev token. */
	public static final String ISSUER = "lazi-dev";

	/** Random bytes in a secret made by {@link #newSecret()}. */
	public static final int SECRET_BYTES = 32;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private DevTokens() {
	}

	/**
	 * A new random secret: {@value #SECRET_BYTES} bytes from {@link SecureRandom}, base64 encoded.
	 */
	public static String newSecret() {

		var bytes = new byte[SECRET_BYTES];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * A token issued now.
	 * @param secret the shared HMAC secret
	 * @param user the {@code sub} claim
	 * @param tenants the tenant ids the user may act for
	 * @param roles the roles, e.g. {@code ADMIN}
	 * @param ttl how long the token is valid
	 * @return the compact JWS {@code header.claims.signature}
	 */
	public static String mint(String secret, String user, Collection<String> tenants, Collection<String> roles,
			Duration ttl) {

		return mint(secret, user, tenants, roles, ttl, Instant.now());
	}

	/**
	 * A token issued at {@code issuedAt}; see {@link #mint(String, String, Collection, Collection, Duration)}.
	 */
	public static String mint(String secret, String user, Collection<String> tenants, Collection<String> roles,
			Duration ttl, Instant issuedAt) {

		var claims = new LinkedHashMap<String, Object>();
		claims.put("sub", user);
		claims.put("tenants", List.copyOf(tenants));
		claims.put("roles", List.copyOf(roles));
		claims.put("iss", ISSUER);
		claims.put("iat", issuedAt.getEpochSecond());
		claims.put("exp", issuedAt.plus(ttl).getEpochSecond());
		var signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encode(toJson(claims));
		return signingInput + "." + encode(hmacSha256(secret, signingInput));
	}

	/**
	 * HMAC-SHA256 of {@code data} keyed with the UTF-8 bytes of {@code secret}.
	 */
	public static byte[] hmacSha256(String secret, String data) {

		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] toJson(Object value) {

		try {
			return JSON.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(byte[] bytes) {
		return BASE64URL.encodeToString(bytes);
	}
}
