package io.lazi.platform.web;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.lazi.platform.web.input.InputSafetyConfiguration;

/**
 * Registers the {@link Tenant} and {@link PageRequest} resolvers, the problem-details advice and the
 * input checks of {@link InputSafetyConfiguration} in servlet services.
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
}
