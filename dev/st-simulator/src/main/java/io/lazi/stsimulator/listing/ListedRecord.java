package io.lazi.stsimulator.listing;

import java.time.Instant;

/**
 * What the shared list filters look at: the active flag and the two timestamps.
 */
public interface ListedRecord {

	/** @return the active flag; records without one (jobs) answer true */
	boolean active();

	Instant createdOn();

	Instant modifiedOn();
}
