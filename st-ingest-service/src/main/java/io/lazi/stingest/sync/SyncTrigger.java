package io.lazi.stingest.sync;

/** What started a sync run. */
public enum SyncTrigger {
	/** A user, through the REST API. */
	MANUAL,
	/** A cron schedule. */
	SCHEDULED
}
