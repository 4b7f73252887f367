package io.lazi.gateway.security;

import java.net.URI;
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
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.lazi.gateway.console.ConsolePaths;
import io.lazi.gateway.console.ConsoleProperties;
import io.lazi.gateway.console.ContentSecurityPolicy;
import io.lazi.platform.events.TrustedHeaders;
import io.lazi.platform.security.SecurityProperties;
import io.lazi.platform.security.AccessRules;
import io.lazi.platform.security.reactive.ReactiveSecurityAutoConfiguration;
import io.lazi.platform.security.reactive.ReactiveTenantAccessFilter;

/**
 * The gateway's security chain: platform-security's stateless resource server (JWKS, RS256, audience
 * and lifetime checked; 401 and 403 as problems), CORS, actuator health and prometheus (on the
 * management port only), the shared user {@link AccessRules}, the console's files and routes open to
 * anyone ({@link ConsolePaths}), everything else with a token; then platform-security's tenant check
 * forwarding as {@link GatewayForwarding} says. Every response carries the console's
 * {@link ContentSecurityPolicy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			CorsProperties cors, ConsoleProperties console, SecurityProperties security) {

		var policy = ContentSecurityPolicy.of(URI.create(console.authorityOr(security)));
		return ReactiveSecurityAutoConfiguration.resourceServer(http, decoder)
			.cors(spec -> spec.configurationSource(corsSource(cors)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy)))
			.authorizeExchange(exchanges -> {
				exchanges.matchers(EndpointRequest.to("health", "prometheus")).permitAll();
				exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
				AccessRules.declare(false,
						(method, pattern, authority) -> exchanges.pathMatchers(method, pattern).hasAuthority(authority),
						patterns -> exchanges.pathMatchers(patterns).denyAll());
				// The console's files and client routes: it signs in once loaded.
				exchanges.matchers(ConsolePaths.matcher()).permitAll();
				exchanges.anyExchange().authenticated();
			})
			.addFilterAfter(new ReactiveTenantAccessFilter(new GatewayForwarding()), SecurityWebFiltersOrder.AUTHORIZATION)
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
