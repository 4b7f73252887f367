package io.lazi.platform.test;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.PropertySource;

/**
 * Answers the Kafka and datasource properties of a Spring test context from
 * {@link SharedInfrastructure}, starting the broker or database only when a context reads them.
 */
final class SharedInfrastructurePropertySource extends PropertySource<Object> {

	static final String NAME = "laziSharedInfrastructure";

	SharedInfrastructurePropertySource() {
		super(NAME, new Object());
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return switch (name) {
			case "spring.kafka.bootstrap-servers", "spring.kafka.bootstrapservers" -> SharedInfrastructure.kafkaBootstrapServers();
			case "spring.datasource.url" -> SharedInfrastructure.database().jdbcUrl();
			case "spring.datasource.username" -> SharedInfrastructure.database().username();
			case "spring.datasource.password" -> SharedInfrastructure.database().password();
			default -> null;
		};
	}
}
