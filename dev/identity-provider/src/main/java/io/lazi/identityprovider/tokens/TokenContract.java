package io.lazi.identityprovider.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import io.lazi.identityprovider.IdentityProviderProperties;
import io.lazi.identityprovider.clients.Clients;
import io.lazi.identityprovider.clients.ServiceClient;
import io.lazi.identityprovider.users.Users;
import io.lazi.platform.events.access.InternalScope;

/**
 * Shapes every access token to the token contract the resource servers check:
 * <ul>
 * <li>a USER token (the console's authorization-code and refresh grants, and {@code lazi-cli}'s
 * {@link DevTokenRequest}): {@code sub} the user, {@code aud} [{@value #USER_AUDIENCE}],
 * {@code tenants} and {@code roles} as JSON arrays of strings, {@code exp - iat} at most
 * {@code max-user-token-lifetime};</li>
 * <li>a SERVICE token (a service client's client credentials): {@code sub} the client id, {@code aud}
 * the services owning the granted scopes, {@code scope}, at most {@code service-token-lifetime}, no
 * tenants or roles. Asking for no scope is refused ({@code invalid_scope}): a token that opens no
 * internal API has no audience.</li>
 * </ul>
 * ID tokens get {@code tenants} and {@code roles} too, so the console can show them. Tokens are
 * signed RS256 (the JWK's algorithm, Spring Authorization Server's default).
 */
public final class TokenContract implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** The audience of user tokens, shared by every API the gateway exposes. */
	public static final String USER_AUDIENCE = "lazi-api";

	/** The claim holding the tenant ids a user acts for. */
	public static final String TENANTS = "tenants";

	/** The claim holding a user's roles. */
	public static final String ROLES = "roles";

	private final IdentityProviderProperties properties;

	/** @param properties the lifetimes */
	public TokenContract(IdentityProviderProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {

		var claims = context.getClaims();
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			userClaims(claims, Users.tenants(context.getPrincipal()), Users.roles(context.getPrincipal()));
			return;
		}
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		var clientId = context.getRegisteredClient().getClientId();
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			if (Clients.CLI.equals(clientId)) {
				OAuth2ClientCredentialsAuthenticationToken grant = context.getAuthorizationGrant();
				var request = DevTokenRequest.from(grant.getAdditionalParameters(), properties.maxUserTokenLifetime());
				claims.subject(request.subject());
				claims.audience(List.of(USER_AUDIENCE));
				userClaims(claims, request.tenants(), request.roles());
				expireWithin(claims, request.lifetime());
				return;
			}
			if (ServiceClient.of(clientId).isPresent()) {
				serviceClaims(claims, context);
				return;
			}
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
					"Client " + clientId + " may not use client credentials", null));
		}
		Authentication user = context.getPrincipal();
		claims.audience(List.of(USER_AUDIENCE));
		userClaims(claims, Users.tenants(user), Users.roles(user));
		expireWithin(claims, properties.maxUserTokenLifetime());
	}

	private void serviceClaims(JwtClaimsSet.Builder claims, JwtEncodingContext context) {

		var scopes = context.getAuthorizedScopes();
		if (scopes.isEmpty()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"Ask for the scope of the internal API to call (scope=internal:…)", null));
		}
		var audiences = new LinkedHashSet<String>();
		for (var scope : scopes) {
			audiences.add(InternalScope.ofValue(scope)
				.orElseThrow(() -> new OAuth2AuthenticationException(
						new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, "Unknown scope " + scope, null)))
				.audience());
		}
		claims.audience(List.copyOf(audiences));
		expireWithin(claims, properties.serviceTokenLifetime());
	}

	private static void userClaims(JwtClaimsSet.Builder claims, List<String> tenants, List<String> roles) {

		claims.claim(TENANTS, List.copyOf(tenants));
		claims.claim(ROLES, List.copyOf(roles));
	}

	/** Sets {@code exp} to {@code iat + lifetime}, unless the client's own setting ends sooner. */
	private static void expireWithin(JwtClaimsSet.Builder claims, Duration lifetime) {

		claims.claims(map -> {
			var issuedAt = (Instant) map.get(JwtClaimNames.IAT);
			var latest = issuedAt.plus(lifetime);
			var expiresAt = (Instant) map.get(JwtClaimNames.EXP);
			map.put(JwtClaimNames.EXP, expiresAt == null || expiresAt.isAfter(latest) ? latest : expiresAt);
		});
	}
}
