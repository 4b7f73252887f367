package io.lazi.platform.security.servlet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import io.lazi.platform.security.AccessRules;
import io.lazi.platform.security.SecurityProperties;
import io.lazi.platform.security.ServiceCredentials;
import io.lazi.platform.security.TokenClaims;
import io.lazi.platform.security.TokenDecoders;
import jakarta.servlet.DispatcherType;

/**
 * A servlet service as a stateless resource server: every request needs a valid bearer token except
 * actuator health and prometheus (served on the management port only); {@link AccessRules} decide by
 * authority; {@link TenantAccessFilter} checks the tenant; failures answer RFC 9457 problems.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class ServletSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
		return TokenDecoders.servlet(properties, environment.getRequiredProperty("spring.application.name"));
	}

	/** Lazy: only services that call internal APIs need (and configure) a client secret. */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ServiceCredentials serviceCredentials(SecurityProperties properties, Environment environment) {
		return new ServiceCredentials(properties, environment.getRequiredProperty("spring.application.name"));
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain laziSecurityFilterChain(HttpSecurity http, JwtDecoder decoder) {

		var handlers = new ProblemHandlers();
		var authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(TokenClaims::authorities);
		return http.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(spec -> spec.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.oauth2ResourceServer(spec -> spec.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
						filter.setAuthenticationFailureHandler(handlers);
						return filter;
					}
				})
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication)))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll();
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				AccessRules.declare(true,
						(method, pattern, authority) -> requests.requestMatchers(method, pattern).hasAuthority(authority),
						patterns -> requests.requestMatchers(patterns).denyAll());
				requests.anyRequest().authenticated();
			})
			.addFilterAfter(new TenantAccessFilter(), AuthorizationFilter.class)
			.build();
	}
}
