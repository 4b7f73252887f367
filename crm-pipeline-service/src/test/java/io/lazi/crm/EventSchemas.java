package io.lazi.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * Holds an event's payload, as the service wrote it to Kafka, to its published JSON Schema in {@code docs/events}
 * (the contract other teams read), formats asserted.
 */
public final class EventSchemas {

	private static final Path DIR = Path.of("..", "docs", "events").toAbsolutePath().normalize();

	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
			builder -> builder.schemaMappers(m -> m.mapPrefix("https://lazi.io/schemas/", DIR.toUri().toString())));

	private EventSchemas() {
	}

	/**
	 * @param schema the schema's file name, e.g. {@code lead-created.schema.json}
	 * @param value the record's value
	 */
	public static void assertValid(String schema, byte[] value) {

		var validator = FACTORY.getSchema(SchemaLocation.of("https://lazi.io/schemas/" + schema),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
		try {
			assertThat(validator.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(value)))
				.as("%s against %s", new String(value, java.nio.charset.StandardCharsets.UTF_8), schema)
				.isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
