package io.lazi.identityprovider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity provider ({@code lazi.identity-provider.*}). Secrets come from the
 * environment (see {@code application.yml} for the variable names), never from code.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document, e.g.
 * {@code http://127.0.0.1:9000}
 * @param keyFile the JSON Web Key file holding the RSA signing key; created (mode 600) on first start
 * @param maxUserTokenLifetime the longest a user token lives ({@code exp - iat}); the console's tokens
 * live exactly this long, {@code ./lazi token} may ask for less
 * @param serviceTokenLifetime how long a service's client-credentials token lives
 * @param usersPassword the password of every user ({@code <role>@<tenant>}); required
 * @param tenants the tenants that get one user per role
 * @param clientSecrets the secret of each confidential client by client id; every service client is
 * required, {@code lazi-cli} is registered only when its secret is set
 * @param consoleOrigins the origins ({@code scheme://host:port}) the console is served from: each
 * {@code <origin>/} is a redirect and post-logout redirect URI of {@code lazi-console}, and each may call
 * the token, JWKS, userinfo and discovery endpoints from JavaScript (CORS)
 */
@ConfigurationProperties("lazi.identity-provider")
public record IdentityProviderProperties(URI issuer, Path keyFile, @DefaultValue("1h") Duration maxUserTokenLifetime,
		@DefaultValue("5m") Duration serviceTokenLifetime, @Nullable String usersPassword,
		@DefaultValue({ "3222348440", "1000000002" }) List<String> tenants, Map<String, String> clientSecrets,
		@DefaultValue({ "http://localhost:8080", "http://127.0.0.1:8080", "http://localhost:5173" }) List<URI> consoleOrigins) {

	public IdentityProviderProperties {
		clientSecrets = clientSecrets == null ? Map.of() : Map.copyOf(clientSecrets);
		tenants = List.copyOf(tenants);
		consoleOrigins = consoleOrigins.stream().map(IdentityProviderProperties::origin).distinct().toList();
		if (issuer == null) {
			throw new IllegalArgumentException("lazi.identity-provider.issuer (LAZI_IDENTITY_PROVIDER_ISSUER) is required");
		}
		if (keyFile == null) {
			throw new IllegalArgumentException(
					"lazi.identity-provider.key-file (LAZI_IDENTITY_PROVIDER_KEY_FILE) is required");
		}
		if (maxUserTokenLifetime.isNegative() || maxUserTokenLifetime.isZero() || serviceTokenLifetime.isNegative()
				|| serviceTokenLifetime.isZero()) {
			throw new IllegalArgumentException("lazi.identity-provider token lifetimes must be positive");
		}
	}

	/** The console origins as strings without a trailing slash, e.g. {@code http://localhost:8080}. */
	public List<String> consoleOriginNames() {
		return consoleOrigins.stream().map(URI::toString).toList();
	}

	private static URI origin(URI uri) {

		if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
				&& !uri.getPath().equals("/")) || uri.getQuery() != null || uri.getFragment() != null) {
			throw new IllegalArgumentException("lazi.identity-provider.console-origins (LAZI_IDENTITY_PROVIDER_CONSOLE_ORIGINS) "
					+ "takes origins like http://localhost:8080, not " + uri);
		}
		return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
	}

	/**
	 * The secret of {@code clientId}, if configured and not blank.
	 */
	public @Nullable String clientSecret(String clientId) {

		var secret = clientSecrets.get(clientId);
		return secret == null || secret.isBlank() ? null : secret;
	}
}
