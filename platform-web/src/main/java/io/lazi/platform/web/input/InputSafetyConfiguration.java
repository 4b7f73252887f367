package io.lazi.platform.web.input;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.module.SimpleModule;

/** Registers the safe-string JSON module, the JSON body cap and the parameter check of every servlet service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputProperties.class)
public class InputSafetyConfiguration {

	@Bean
	JacksonModule laziSafeStrings() {
		return new SimpleModule("lazi-safe-strings").addDeserializer(String.class, new SafeStringDeserializer())
			.addDeserializer(JsonNode.class, new SafeTreeDeserializer());
	}

	@Bean
	FilterRegistrationBean<JsonBodyLimitFilter> laziJsonBodyLimit(InputProperties properties) {

		var registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter(properties));
		// Before anything that could read the body, security included.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	WebMvcConfigurer laziInputSafety(InputProperties properties) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new InputSafetyInterceptor(properties));
			}
		};
	}
}
