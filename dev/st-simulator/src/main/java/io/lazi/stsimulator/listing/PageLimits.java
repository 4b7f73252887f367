package io.lazi.stsimulator.listing;

/**
 * The page sizes a group of lists accepts (a module's settings implement this).
 */
public interface PageLimits {

	/** @return the page size when a request sends none */
	int defaultPageSize();

	/** @return the largest page size accepted */
	int maxPageSize();
}
