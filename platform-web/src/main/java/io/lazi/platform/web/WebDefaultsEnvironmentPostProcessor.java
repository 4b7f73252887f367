package io.lazi.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code web-defaults.properties} as the lowest-precedence property source. It must be in
 * place before auto-configuration conditions run (actuator exposure is decided there), which a
 * {@code @PropertySource} on an auto-configuration class is not.
 */
class WebDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {

		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("laziWebDefaults",
						new ClassPathResource("io/lazi/platform/web/web-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
