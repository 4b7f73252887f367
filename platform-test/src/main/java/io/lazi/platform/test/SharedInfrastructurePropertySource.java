package io.lazi.platform.test;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.PropertySource;

/**
 * Answers the Kafka, datasource and identity-provider properties of a Spring test context from
 * {@link SharedInfrastructure} and {@link TestIdentityProvider}, starting each only when a context reads it.
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
			case "lazi.security.issuer-uri" -> TestIdentityProvider.get().issuer();
			case "lazi.security.client-secret" -> TestIdentityProvider.CLIENT_SECRET;
			default -> null;
		};
	}
}
