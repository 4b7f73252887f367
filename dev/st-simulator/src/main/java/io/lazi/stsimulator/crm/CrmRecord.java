package io.lazi.stsimulator.crm;

import java.time.Instant;

/**
 * What the list filters of every CRM resource look at: id order, the active flag and the timestamps.
 */
public interface CrmRecord {

	long id();

	/** @return the active flag; resources without one (jobs) answer true */
	boolean active();

	Instant createdOn();

	Instant modifiedOn();
}
