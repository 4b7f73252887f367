package io.lazi.gateway.security;

import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.lazi.gateway.problem.ProblemResponses;
import io.lazi.platform.security.AccessRules;
import io.lazi.platform.security.reactive.ReactiveSecurityAutoConfiguration;
import io.lazi.platform.events.TrustedHeaders;

/**
 * The gateway's security chain: stateless bearer-token authentication with platform-security's
 * decoder (JWKS, RS256, audience and lifetime checked), CORS, actuator health and prometheus (on the
 * management port only), the shared {@link AccessRules}, then {@link TenantAccessFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			ProblemResponses problems, CorsProperties cors) {

		var handlers = new ProblemSecurityHandlers(problems);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.disable())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.cors(spec -> spec.configurationSource(corsSource(cors)))
			.exceptionHandling(spec -> spec.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.oauth2ResourceServer(spec -> spec.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers)
				.jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(ReactiveSecurityAutoConfiguration.authenticationConverter())))
			.authorizeExchange(exchanges -> {
				exchanges.matchers(EndpointRequest.to("health", "prometheus")).permitAll();
				exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
				for (var rule : AccessRules.USER) {
					rule.methods().forEach(method -> exchanges.pathMatchers(method, rule.pattern()).hasAuthority(rule.authority()));
				}
				exchanges.pathMatchers(AccessRules.GUARDED.toArray(String[]::new)).denyAll();
				exchanges.anyExchange().authenticated();
			})
			.addFilterAfter(new TenantAccessFilter(problems), SecurityWebFiltersOrder.AUTHORIZATION)
			.build();
	}

	private static CorsConfigurationSource corsSource(CorsProperties properties) {

		var cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
				HttpHeaders.IF_NONE_MATCH, TrustedHeaders.TENANT_ID));
		cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG, HttpHeaders.LOCATION));
		cors.setMaxAge(properties.maxAge());
		var source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}
}
