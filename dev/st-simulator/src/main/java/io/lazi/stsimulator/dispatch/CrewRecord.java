package io.lazi.stsimulator.dispatch;

import io.lazi.stsimulator.listing.ListedRecord;

/**
 * What the list filters of every crew resource look at: id order, the active flag and the timestamps.
 */
public interface CrewRecord extends ListedRecord {

	long id();
}
