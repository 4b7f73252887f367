package io.lazi.stsimulator.pricebook.web;

import io.lazi.stsimulator.listing.PageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging limits of the simulated pricebook API.
 *
 * @param defaultPageSize the page size when none is given (ServiceTitan: 50)
 * @param maxPageSize the largest page size accepted (ServiceTitan documents 1..5000); larger answers 400
 * @param exportBatchSize how many records one export call returns
 */
@ConfigurationProperties("lazi.st-simulator.pricebook")
record PricebookSettings(@DefaultValue("50") int defaultPageSize, @DefaultValue("5000") int maxPageSize,
		@DefaultValue("500") int exportBatchSize) implements PageLimits {
}
