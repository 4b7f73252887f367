package io.lazi.pricebook;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.lazi.pricebook.category.sync.CategorySync;
import io.lazi.pricebook.sku.SkuSync;

import tools.jackson.databind.json.JsonMapper;

/**
 * The beans of the one shared test context that the integration tests drive the service through, handed
 * to each test class as one constructor argument.
 */
public record PricebookTestKit(MockMvcTester mvc, CategorySync categories, SkuSync skus,
		KafkaTemplate<String, byte[]> kafka, JsonMapper json) {

	/** The REST API as {@code tenant}'s user calls it. */
	public TenantApi api(String tenant) {
		return new TenantApi(mvc, tenant, "OWNER");
	}

	/** Storing {@code tenant}'s ServiceTitan records directly. */
	public TenantRecords records(String tenant) {
		return new TenantRecords(categories, skus, tenant);
	}
}
