package io.lazi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

/**
 * The shared Flyway migrations under {@code db/platform-kafka} are version 1 of every service schema
 * that lists the location, and databases that applied them validate their checksum on each start:
 * the file must stay as it was first applied (docs/adr/0005).
 */
class PlatformMigrationsUnitTests {

	private static final String OUTBOX = "db/platform-kafka/V1__outbox_and_consumed_messages.sql";

	/** The checksum in {@code flyway_schema_history} of pricebook, crm_pipeline and image. */
	private static final int APPLIED_CHECKSUM = -1541093558;

	@Test
	void keepsTheOutboxMigrationAsTheServicesAppliedIt() throws IOException {
		assertThat(flywayChecksum(OUTBOX)).isEqualTo(APPLIED_CHECKSUM);
	}

	/** Flyway's SQL checksum: CRC32 over the UTF-8 bytes of each line without its line break. */
	private static int flywayChecksum(String resource) throws IOException {

		var crc = new CRC32();
		var stream = Objects.requireNonNull(PlatformMigrationsUnitTests.class.getClassLoader().getResourceAsStream(resource),
				resource);
		try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				crc.update(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		return (int) crc.getValue();
	}
}
