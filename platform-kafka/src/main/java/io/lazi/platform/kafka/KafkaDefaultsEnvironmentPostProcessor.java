package io.lazi.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code kafka-defaults.properties} as the lowest-precedence property source. It must be in
 * place before auto-configuration conditions run, which a
 * {@code @PropertySource} on an auto-configuration class is not.
 */
class KafkaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {

		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("laziKafkaDefaults",
						new ClassPathResource("io/lazi/platform/kafka/kafka-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
