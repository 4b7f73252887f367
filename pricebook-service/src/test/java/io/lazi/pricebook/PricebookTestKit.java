package io.lazi.pricebook;

import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.lazi.platform.test.PrometheusScrape;
import io.lazi.pricebook.category.sync.CategorySync;
import io.lazi.pricebook.sku.SkuSync;

import tools.jackson.databind.json.JsonMapper;

/**
 * The beans of the one shared test context that the integration tests drive the service through, handed
 * to each test class as one constructor argument.
 */
public record PricebookTestKit(MockMvcTester mvc, CategorySync categories, SkuSync skus,
		KafkaTemplate<String, byte[]> kafka, JsonMapper json, PrometheusScrapeEndpoint prometheus) {

	/**
	 * What {@code /actuator/prometheus} serves now: the endpoint itself, as the management port would answer
	 * (this context has no server, so no management port).
	 */
	public PrometheusScrape metrics() {
		return PrometheusScrape.of(prometheus);
	}

	/** The REST API as {@code tenant}'s user calls it. */
	public TenantApi api(String tenant) {
		return new TenantApi(mvc, tenant, "OWNER");
	}

	/** Storing {@code tenant}'s ServiceTitan records directly. */
	public TenantRecords records(String tenant) {
		return new TenantRecords(categories, skus, tenant);
	}
}
