package io.lazi.field;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The field service: the domain API v2 under {@code /api/v2} (customers, locations, contacts, jobs, appointments,
 * technicians, teams, zones), each tenant's domains served by a provider of its choice; keeps ServiceTitan's records
 * as they arrive on the {@code st.raw.*} topics in the {@code field} schema, sends writes to ServiceTitan as
 * {@code st.commands} and announces changes on {@code field.changed}.
 */
@SpringBootApplication
public class FieldServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FieldServiceApplication.class, args);
	}
}
