package io.lazi.platform.test;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Answers the Kafka, datasource and identity-provider properties of a Spring test context from
 * {@link SharedInfrastructure} and {@link TestIdentityProvider}, starting each only when a context reads it.
 *
 * <p>A context whose Flyway has a {@code spring.flyway.default-schema} (a service's) connects as that
 * schema's own role ({@link SharedInfrastructure#serviceDatabase}), with the extensions listed in
 * {@value #EXTENSIONS} created for it; any other context as the admin.
 */
final class SharedInfrastructurePropertySource extends PropertySource<Object> {

	static final String NAME = "laziSharedInfrastructure";

	/** The extensions a service's schema needs, comma-separated, which its role may not create itself. */
	static final String EXTENSIONS = "lazi.database.extensions";

	private final Environment environment;

	SharedInfrastructurePropertySource(Environment environment) {
		super(NAME, new Object());
		this.environment = environment;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return switch (name) {
			case "spring.kafka.bootstrap-servers", "spring.kafka.bootstrapservers" -> SharedInfrastructure.kafkaBootstrapServers();
			case "spring.datasource.url" -> SharedInfrastructure.database().jdbcUrl();
			case "spring.datasource.username" -> database().username();
			case "spring.datasource.password" -> database().password();
			case "lazi.security.issuer-uri" -> TestIdentityProvider.get().issuer();
			case "lazi.security.client-secret" -> TestIdentityProvider.CLIENT_SECRET;
			default -> null;
		};
	}

	private Database database() {

		var schema = environment.getProperty("spring.flyway.default-schema");
		if (schema == null || schema.isBlank()) {
			return SharedInfrastructure.database();
		}
		var extensions = environment.getProperty(EXTENSIONS, String[].class, new String[0]);
		return SharedInfrastructure.serviceDatabase(schema.strip(),
				Arrays.stream(extensions).map(String::strip).filter(name -> !name.isEmpty()).toList());
	}
}
