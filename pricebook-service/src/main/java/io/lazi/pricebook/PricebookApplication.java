package io.lazi.pricebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The pricebook service: consumes raw ServiceTitan categories from {@code st.raw.categories}, keeps
 * the tenant's normalised category tree in the {@code pricebook} schema, publishes its real changes
 * on {@code pricebook.changed} and serves it under {@code /api/pricebook}.
 */
@SpringBootApplication
public class PricebookApplication {

	public static void main(String[] args) {
		SpringApplication.run(PricebookApplication.class, args);
	}
}
