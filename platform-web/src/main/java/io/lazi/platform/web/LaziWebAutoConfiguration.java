package io.lazi.platform.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.lazi.platform.web.input.InputSafetyConfiguration;

/**
 * Registers the {@link Tenant} and {@link PageRequest} resolvers, the problem-details advice and the
 * input checks of {@link InputSafetyConfiguration} in servlet services, and lets {@link InternalClient}s
 * name a service with several instances as {@code lb://<service>} ({@link LoadBalancedCalls}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemDetailsAdvice.class, InputSafetyConfiguration.class })
public class LaziWebAutoConfiguration {

	@Bean
	WebMvcConfigurer laziArgumentResolvers() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new TenantArgumentResolver());
				resolvers.add(new PageRequestArgumentResolver());
			}
		};
	}

	/** Every {@code RestClient.Builder} of the application resolves {@code lb://<service>} URLs. */
	@Bean
	RestClientCustomizer laziLoadBalancedCalls(ObjectProvider<LoadBalancerClient> loadBalancer) {
		return builder -> builder.requestInterceptor(new LoadBalancedCalls(loadBalancer));
	}
}
