package io.lazi.stsimulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Issues and resolves access tokens. Tokens look like ServiceTitan's (an RS256 {@code at+jwt}) but
 * are opaque to the simulator: it remembers each one with its tenant and expiry. Thread-safe;
 * expired tokens are dropped when new ones are issued.
 */
@Component
public class AccessTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final Map<String, AccessToken> issued = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final AuthSettings settings;

	private final Clock clock;

	AccessTokens(AuthSettings settings, Clock clock) {

		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param tenant the tenant the token is bound to
	 * @param clientId the client it is issued to
	 * @return the new token, valid for the configured lifetime
	 */
	public AccessToken issue(long tenant, String clientId) {

		var now = clock.instant();
		issued.values().removeIf(token -> token.isExpiredAt(now));
		var expiresAt = now.plus(settings.tokenLifetime());
		var header = "{\"alg\":\"RS256\",\"kid\":\"ST-SIMULATOR\",\"typ\":\"at+jwt\"}";
		var claims = ("{\"iss\":\"st-simulator\",\"nbf\":%d,\"iat\":%d,\"exp\":%d,\"client_id\":\"%s\","
				+ "\"tenant\":\"%d\",\"jti\":\"%s\"}").formatted(now.getEpochSecond(), now.getEpochSecond(),
						expiresAt.getEpochSecond(), clientId, tenant, UUID.randomUUID());
		var signature = new byte[64];
		random.nextBytes(signature);
		var value = encode(header) + "." + encode(claims) + "." + BASE64URL.encodeToString(signature);
		var token = new AccessToken(value, tenant, clientId, expiresAt);
		issued.put(value, token);
		return token;
	}

	/**
	 * @param value a presented bearer string
	 * @return the token, expired or not, when the simulator issued it
	 */
	public Optional<AccessToken> find(String value) {
		return Optional.ofNullable(issued.get(value));
	}

	/**
	 * @return the configured token lifetime in seconds
	 */
	long lifetimeSeconds() {
		return settings.tokenLifetime().toSeconds();
	}

	private static String encode(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
