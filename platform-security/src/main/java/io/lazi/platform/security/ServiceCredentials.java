package io.lazi.platform.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * This service's identity towards other services' internal APIs: a client-credentials client (id
 * {@code spring.application.name}, secret {@code lazi.security.client-secret}, {@code client_secret_basic})
 * of the identity provider's token endpoint, one registration per {@link InternalScope}. Tokens are
 * cached and renewed by Spring Security's OAuth2 client for the service as a whole, not per user.
 * Thread-safe.
 */
public final class ServiceCredentials {

	private final String clientId;

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	private final Authentication service;

	/**
	 * @throws IllegalStateException when no client secret is configured
	 */
	public ServiceCredentials(SecurityProperties properties, String clientId) {

		var secret = properties.clientSecret();
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException(
					"lazi.security.client-secret (LAZI_SECURITY_CLIENT_SECRET) is required to call internal APIs");
		}
		List<ClientRegistration> registrations = Arrays.stream(InternalScope.values())
			.map(scope -> ClientRegistration.withRegistrationId(scope.value())
				.clientId(clientId)
				.clientSecret(secret)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scope(scope.value())
				.tokenUri(properties.tokenEndpoint())
				.build())
			.toList();
		var repository = new InMemoryClientRegistrationRepository(registrations);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository,
				new InMemoryOAuth2AuthorizedClientService(repository));
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		this.clientId = clientId;
		this.service = UsernamePasswordAuthenticationToken.authenticated(clientId, null, List.of());
	}

	/** Adds a bearer token with {@code scope} to each request, obtaining or renewing it as needed. */
	public ClientHttpRequestInterceptor forScope(InternalScope scope) {

		var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver(request -> scope.value());
		interceptor.setPrincipalResolver(request -> service);
		return interceptor;
	}

	@Override
	public String toString() {
		return "ServiceCredentials[" + clientId + "]";
	}
}
