package io.lazi.identityprovider.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.lazi.identityprovider.IdentityProviderProperties;
import io.lazi.identityprovider.clients.Clients;
import io.lazi.identityprovider.tokens.TokenContract;
import io.lazi.identityprovider.users.Users;

/**
 * Three filter chains: the OAuth 2 / OIDC protocol endpoints (a browser without a session is sent to
 * the login form, other callers get the protocol's error; CORS for the console's origins), the actuator (open: it lives on the
 * management port, which no route reaches), and everything else behind form login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {

		var authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
			.cors(Customizer.withDefaults())
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {

		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain loginChain(HttpSecurity http) throws Exception {

		http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The console calls discovery, the token endpoint (code for tokens), JWKS, userinfo and revocation
	 * from JavaScript on its own origin: those answer CORS for the configured console origins only. The
	 * authorize and logout endpoints are navigations, which need none.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(IdentityProviderProperties properties) {

		var cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.consoleOriginNames());
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
		cors.setMaxAge(Duration.ofHours(1));
		var source = new UrlBasedCorsConfigurationSource();
		for (var path : List.of("/.well-known/**", "/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/userinfo")) {
			source.registerCorsConfiguration(path, cors);
		}
		return source;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProviderProperties properties,
			PasswordEncoder encoder) {
		return new InMemoryRegisteredClientRepository(Clients.all(properties, encoder));
	}

	@Bean
	UserDetailsService users(IdentityProviderProperties properties, PasswordEncoder encoder) {

		var password = properties.usersPassword();
		if (password == null || password.isBlank()) {
			throw new IllegalStateException(
					"No password for the users: set lazi.identity-provider.users-password (LAZI_IDENTITY_PROVIDER_USERS_PASSWORD)");
		}
		return new InMemoryUserDetailsManager(Users.all(properties.tenants(), password, encoder));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProviderProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenContract(IdentityProviderProperties properties) {
		return new TokenContract(properties);
	}
}
