package io.lazi.stsimulator.crm;

import io.lazi.stsimulator.listing.ListedRecord;

/**
 * What the list filters of every CRM resource look at: id order, the active flag and the timestamps.
 */
public interface CrmRecord extends ListedRecord {

	long id();
}
