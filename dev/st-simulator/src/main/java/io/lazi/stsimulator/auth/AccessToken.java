package io.lazi.stsimulator.auth;

import java.time.Instant;

/**
 * An issued access token and what it is bound to.
 *
 * @param value the bearer string
 * @param tenant the tenant the token is bound to
 * @param clientId the client the token was issued to
 * @param expiresAt when the token stops being accepted
 */
public record AccessToken(String value, long tenant, String clientId, Instant expiresAt) {

	/**
	 * @param now the current instant
	 * @return whether the token has expired at that instant
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
