package io.lazi.identityprovider.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import io.lazi.identityprovider.IdentityProviderProperties;

/**
 * The registered clients of the token contract:
 * <ul>
 * <li>one confidential client per {@link ServiceClient} ({@code client_secret_basic},
 * {@code client_credentials}, only its {@link io.lazi.platform.events.access.InternalScope} scopes, tokens of
 * {@code service-token-lifetime});</li>
 * <li>{@value #CONSOLE}: public, authorization code with PKCE (S256) required, {@code openid profile},
 * {@code <origin>/} of each configured console origin as redirect URI, no consent screen (first party);</li>
 * <li>{@value #CLI}: confidential, {@code client_credentials}, whose requests name the user token
 * they want (see {@code DevTokenRequest}); registered only when its secret is configured.</li>
 * </ul>
 */
public final class Clients {

	/** The browser console's client id. */
	public static final String CONSOLE = "lazi-console";

	/** The dev command line's client id ({@code ./lazi token}). */
	public static final String CLI = "lazi-cli";

	private Clients() {
	}

	/**
	 * Every client, secrets encoded with {@code encoder}.
	 * @throws IllegalStateException naming the variable when a service client's secret is missing
	 */
	public static List<RegisteredClient> all(IdentityProviderProperties properties, PasswordEncoder encoder) {

		var clients = new ArrayList<RegisteredClient>();
		for (var service : ServiceClient.values()) {
			clients.add(service(service, secret(properties, service.clientId()), properties, encoder));
		}
		clients.add(console(properties));
		var cliSecret = properties.clientSecret(CLI);
		if (cliSecret != null) {
			clients.add(cli(cliSecret, properties, encoder));
		}
		return clients;
	}

	private static RegisteredClient service(ServiceClient service, String secret, IdentityProviderProperties properties,
			PasswordEncoder encoder) {

		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(service.clientId())
			.clientSecret(encoder.encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(scopes -> service.apis().forEach(api -> scopes.add(api.value())))
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.serviceTokenLifetime()).build())
			.build();
	}

	private static RegisteredClient console(IdentityProviderProperties properties) {

		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CONSOLE)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(consoleRedirectUris(properties)))
			.postLogoutRedirectUris(uris -> uris.addAll(consoleRedirectUris(properties)))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.maxUserTokenLifetime()).build())
			.build();
	}

	/**
	 * Where the console may be sent back to after login and logout: {@code <origin>/} of each console
	 * origin (the gateway's, or Vite's dev server).
	 */
	public static List<String> consoleRedirectUris(IdentityProviderProperties properties) {
		return properties.consoleOriginNames().stream().map(origin -> origin + "/").toList();
	}

	private static RegisteredClient cli(String secret, IdentityProviderProperties properties, PasswordEncoder encoder) {

		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CLI)
			.clientSecret(encoder.encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.maxUserTokenLifetime()).build())
			.build();
	}

	private static String secret(IdentityProviderProperties properties, String clientId) {

		var secret = properties.clientSecret(clientId);
		if (secret == null) {
			throw new IllegalStateException("No secret for client " + clientId + ": set lazi.identity-provider.client-secrets."
					+ clientId + " (" + SecretVariables.of(clientId) + ")");
		}
		return secret;
	}
}
