package io.lazi.pricebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The pricebook service: consumes raw ServiceTitan categories from {@code st.raw.categories}, keeps
 * the tenant's normalised category tree in the {@code pricebook} schema, publishes its real changes
 * on {@code pricebook.changed} and serves it under {@code /api/pricebook}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PricebookApplication {

	/**
	 * The service's Kafka consumer group, also the consumer name under which every applied event's id is
	 * recorded ({@link io.lazi.platform.kafka.ConsumedMessages#accept}).
	 */
	public static final String CONSUMER = "pricebook-service";

	public static void main(String[] args) {
		SpringApplication.run(PricebookApplication.class, args);
	}
}
