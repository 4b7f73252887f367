package io.lazi.platform.security;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

import io.lazi.platform.events.access.InternalScope;

/**
 * This service's identity towards other services' internal APIs: a client-credentials client (id
 * {@code spring.application.name}, secret {@code lazi.security.client-secret}, {@code client_secret_basic})
 * of the identity provider's token endpoint, one registration per {@link InternalScope}. Tokens are
 * cached and renewed by Spring Security's OAuth2 client for the service as a whole, not per user; one the
 * called service rejects (401 {@code invalid_token}, 403 {@code insufficient_scope}) is dropped, so the
 * next call asks for a new one. Asking the token endpoint is bounded by {@link #TOKEN_TIMEOUT}, so an
 * unreachable identity provider fails the internal call rather than hanging it. Thread-safe.
 */
public final class ServiceCredentials {

	/** Connect limit, and limit of the wait for the token endpoint's answer. */
	static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);

	private final String clientId;

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	private final Authentication service;

	private final OAuth2AuthorizationFailureHandler dropRejected;

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
		var authorized = new InMemoryOAuth2AuthorizedClientService(repository);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, authorized);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenEndpointClient()))
			.build());
		this.dropRejected = OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorized);
		this.clientId = clientId;
		this.service = UsernamePasswordAuthenticationToken.authenticated(clientId, null, List.of());
	}

	/** Adds a bearer token with {@code scope} to each request, obtaining or renewing it as needed. */
	public ClientHttpRequestInterceptor forScope(InternalScope scope) {

		var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver(request -> scope.value());
		interceptor.setPrincipalResolver(request -> service);
		interceptor.setAuthorizationFailureHandler(dropRejected);
		return interceptor;
	}

	/** Spring Security's own token client, its RestClient as the default one but with bounded waits. */
	private static RestClientClientCredentialsTokenResponseClient tokenEndpointClient() {

		var http = HttpClient.newBuilder().connectTimeout(TOKEN_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(TOKEN_TIMEOUT);
		var client = new RestClientClientCredentialsTokenResponseClient();
		client.setRestClient(RestClient.builder()
			.requestFactory(requests)
			.messageConverters(converters -> {
				converters.clear();
				converters.add(new FormHttpMessageConverter());
				converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		return client;
	}

	@Override
	public String toString() {
		return "ServiceCredentials[" + clientId + "]";
	}
}
