package io.lazi.platform.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked and obtained ({@code lazi.security.*}; the env names
 * {@code LAZI_SECURITY_ISSUER_URI}, {@code LAZI_SECURITY_JWK_SET_URI}, {@code LAZI_SECURITY_AUDIENCE},
 * {@code LAZI_SECURITY_MAX_TOKEN_LIFETIME}, {@code LAZI_SECURITY_CLIENT_SECRET} bind by name).
 *
 * @param issuerUri the identity provider's base URL, the required {@code iss}
 * @param jwkSetUri its JWK set; {@code {issuer}/oauth2/jwks} when absent
 * @param audience the {@code aud} of user tokens; a service also accepts its own application name
 * @param maxTokenLifetime the longest {@code exp - iat} accepted
 * @param clientSecret this service's client-credentials secret; needed only to call internal APIs
 */
@ConfigurationProperties("lazi.security")
public record SecurityProperties(@Nullable URI issuerUri, @Nullable URI jwkSetUri, @DefaultValue("lazi-api") String audience,
		@DefaultValue("1h") Duration maxTokenLifetime, @Nullable String clientSecret) {

	/** The issuer as tokens carry it, without a trailing slash. */
	public String issuer() {

		if (issuerUri == null || issuerUri.toString().isBlank()) {
			throw new IllegalStateException("lazi.security.issuer-uri (LAZI_SECURITY_ISSUER_URI) is required");
		}
		var issuer = issuerUri.toString();
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	/** The JWK set URL. */
	public String jwkSet() {
		return jwkSetUri == null || jwkSetUri.toString().isBlank() ? issuer() + "/oauth2/jwks" : jwkSetUri.toString();
	}

	/** The token endpoint for client credentials. */
	public String tokenEndpoint() {
		return issuer() + "/oauth2/token";
	}
}
