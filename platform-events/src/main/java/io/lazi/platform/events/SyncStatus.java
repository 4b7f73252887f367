package io.lazi.platform.events;

/** Lifecycle state of a sync run. */
public enum SyncStatus {
	RUNNING, COMPLETED, FAILED
}
