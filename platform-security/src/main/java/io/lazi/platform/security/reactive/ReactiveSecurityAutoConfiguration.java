package io.lazi.platform.security.reactive;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.WebFilter;

import io.lazi.platform.security.AccessRules;
import io.lazi.platform.security.SecurityProperties;
import io.lazi.platform.security.TokenClaims;
import io.lazi.platform.security.TokenDecoders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A reactive service as a stateless resource server: the bearer token from {@code Authorization},
 * where {@link QueryTokenRelocation} puts a handshake's {@code ?access_token=} (browsers cannot set
 * headers on a WebSocket handshake); actuator health
 * and prometheus open on the management port; {@link AccessRules}; the tenant check. Tokens are never
 * logged. WebSocket handshakes are limited by {@link WebSocketLimits}.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({ SecurityProperties.class, WebSocketLimits.class })
@EnableWebFluxSecurity
public class ReactiveSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder reactiveJwtDecoder(SecurityProperties properties, Environment environment) {
		return TokenDecoders.reactive(properties, environment.getRequiredProperty("spring.application.name"));
	}

	/** Caps WebSocket sessions per user and tenant and handshakes per user (429 before the upgrade). */
	@Bean
	WebFilter laziWebSocketLimits(WebSocketLimits limits, ObjectProvider<MeterRegistry> meters) {
		return new WebSocketLimitFilter(new WebSocketSessions(limits, meters.getIfAvailable(SimpleMeterRegistry::new)),
				limits);
	}

	/** Moves a handshake's {@code ?access_token=} into the header before any logging can see it. */
	@Bean
	HttpHandlerDecoratorFactory laziQueryTokenRelocation() {
		return new QueryTokenRelocation();
	}

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain laziSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {

		return resourceServer(http, decoder).authorizeExchange(exchanges -> {
			exchanges.matchers(EndpointRequest.to("health", "prometheus")).permitAll();
			AccessRules.declare(true,
					(method, pattern, authority) -> exchanges.pathMatchers(method, pattern).hasAuthority(authority),
					patterns -> exchanges.pathMatchers(patterns).denyAll());
			exchanges.anyExchange().authenticated();
		})
			.addFilterAfter(new ReactiveTenantAccessFilter(ReactiveTenantAccessFilter.SERVICE),
					SecurityWebFiltersOrder.AUTHORIZATION)
			.build();
	}

	/**
	 * {@code http} as a stateless resource server, the part every reactive chain shares (the gateway's
	 * too): no CSRF, basic, form login, logout, request cache or session; bearer tokens from
	 * {@code Authorization} decoded by {@code decoder}, with {@link TokenClaims} authorities; 401 and 403 as
	 * problems ({@link ReactiveProblemHandlers}). The caller adds its rules and filters.
	 */
	public static ServerHttpSecurity resourceServer(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {

		var handlers = new ReactiveProblemHandlers();
		// A handshake's ?access_token= is already in the header (QueryTokenRelocation).
		var bearer = new ServerBearerTokenAuthenticationConverter();
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.disable())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling(spec -> spec.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.oauth2ResourceServer(spec -> spec.bearerTokenConverter(bearer)
				.authenticationEntryPoint(handlers)
				.authenticationFailureHandler(handlers)
				.accessDeniedHandler(handlers)
				.jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(authenticationConverter())));
	}

	/** Authorities from {@link TokenClaims}, for reactive chains. */
	private static ReactiveJwtAuthenticationConverterAdapter authenticationConverter() {

		var converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(TokenClaims::authorities);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}
}
