package io.lazi.stsimulator;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Boots the ServiceTitan simulator: ServiceTitan's token endpoint, its pricebook category, SKU, export
 * and image endpoints, its CRM, JPM, sales, settings and dispatch endpoints (lists, reads and writes), a
 * CDN for the image bytes and an admin API for faults, statistics and data edits. All state lives in
 * memory and is rebuilt deterministically at startup.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StSimulatorApplication {

	/**
	 * Starts the simulator.
	 *
	 * @param args command line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(StSimulatorApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
