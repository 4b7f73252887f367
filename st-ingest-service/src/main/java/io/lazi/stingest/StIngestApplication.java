package io.lazi.stingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of st-ingest-service (default port 8081, {@code LAZI_ST_INGEST_PORT}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StIngestApplication {

	public static void main(String[] args) {
		SpringApplication.run(StIngestApplication.class, args);
	}
}
