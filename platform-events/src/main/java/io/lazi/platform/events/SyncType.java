package io.lazi.platform.events;

/** How a sync run selected its records: everything, or what changed since the cursor. */
public enum SyncType {
	FULL, INCREMENTAL
}
