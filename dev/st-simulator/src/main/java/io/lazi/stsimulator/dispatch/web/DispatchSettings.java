package io.lazi.stsimulator.dispatch.web;

import io.lazi.stsimulator.listing.PageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging limits of the simulated technician and dispatch lists.
 *
 * @param defaultPageSize the page size when none is given (ServiceTitan: 50)
 * @param maxPageSize the largest page size accepted (ServiceTitan documents 1..5000); larger answers 400
 */
@ConfigurationProperties("lazi.st-simulator.dispatch")
record DispatchSettings(@DefaultValue("50") int defaultPageSize, @DefaultValue("5000") int maxPageSize)
		implements PageLimits {
}
