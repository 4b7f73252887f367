package io.lazi.stsimulator.crm.web;

import io.lazi.stsimulator.listing.PageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging limits of the simulated CRM, JPM, Sales and Settings lists.
 *
 * @param defaultPageSize the page size when none is given (ServiceTitan: 50)
 * @param maxPageSize the largest page size accepted (ServiceTitan documents 1..5000); larger answers 400
 */
@ConfigurationProperties("lazi.st-simulator.crm")
record CrmSettings(@DefaultValue("50") int defaultPageSize, @DefaultValue("5000") int maxPageSize) implements PageLimits {
}
