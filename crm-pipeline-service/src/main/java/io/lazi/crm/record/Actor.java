package io.lazi.crm.record;

import org.springframework.security.oauth2.jwt.Jwt;

import io.lazi.platform.web.InvalidInputException;

/**
 * The user a request acts for: the token's {@code sub}, recorded as owner, author, assignee or {@code created_by}.
 * Changes that no user made are recorded as {@link #SERVICETITAN} or {@link #PIPELINE}.
 */
public record Actor(String id) {

	/** Records that came from ServiceTitan. */
	public static final Actor SERVICETITAN = new Actor("servicetitan");

	/** Changes the pipeline rules made. */
	public static final Actor PIPELINE = new Actor("pipeline");

	/**
	 * The user of {@code jwt}.
	 *
	 * @throws InvalidInputException when the token has no subject (the security chain requires one)
	 */
	public static Actor of(Jwt jwt) {

		var sub = jwt.getSubject();
		if (sub == null || sub.isBlank()) {
			throw new InvalidInputException("sub", "the token names no user");
		}
		return new Actor(sub);
	}
}
