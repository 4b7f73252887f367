package io.lazi.stingest.pricebook.sku;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SKU pulls ({@code lazi.st-ingest.pricebook.skus.*}).
 *
 * @param pageSize records per list page (ServiceTitan allows 1..5000; SKUs are large documents)
 * @param incrementalOverlap how far before each list's cursor an incremental pull starts reading again
 * @param afterCategories whether a completed categories run starts a SKU run of the same type
 */
@ConfigurationProperties("lazi.st-ingest.pricebook.skus")
record SkuProperties(@DefaultValue("1000") int pageSize, @DefaultValue("2m") Duration incrementalOverlap,
		@DefaultValue("true") boolean afterCategories) {

	SkuProperties {
		if (pageSize < 1 || pageSize > 5000) {
			throw new IllegalArgumentException("lazi.st-ingest.pricebook.skus.page-size must be 1..5000");
		}
	}
}
