package io.lazi.image;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The image service: serves pricebook images of categories and subcategories from a memory cache, its
 * {@code image} schema and ServiceTitan (through st-ingest-service), learns which image belongs to
 * which node from {@code pricebook.changed}, accepts uploads and proxies ServiceTitan CDN images
 * behind an SSRF-safe allow-list.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImageApplication {

	public static void main(String[] args) {
		SpringApplication.run(ImageApplication.class, args);
	}
}
