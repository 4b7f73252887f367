package io.lazi.gateway.console;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lazi.platform.security.SecurityProperties;

/**
 * How the console signs in ({@code lazi.gateway.console.*}), handed to it at run time as
 * {@code /console-config.json} so that one build runs against any identity provider.
 *
 * @param authority the OpenID Connect issuer the console signs in with; the gateway's own
 * {@code lazi.security.issuer-uri} when absent (the usual case: the console's tokens are the ones the
 * gateway checks)
 * @param clientId the console's public client (authorization code + PKCE) at that issuer
 * @param scope the scopes it asks for
 */
@ConfigurationProperties("lazi.gateway.console")
public record ConsoleProperties(@Nullable URI authority, @DefaultValue("lazi-console") String clientId,
		@DefaultValue("openid profile") String scope) {

	/** The issuer the console signs in with: {@link #authority()}, else the one the gateway checks tokens against. */
	public String authorityOr(SecurityProperties security) {
		return authority != null ? authority.toString() : security.issuer();
	}
}
