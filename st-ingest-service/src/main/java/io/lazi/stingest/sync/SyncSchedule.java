package io.lazi.stingest.sync;

/**
 * When a resource's scheduled pulls run for every configured tenant: cron expressions in Spring's
 * six-field form, evaluated in the server's time zone. A resource's schedule properties record
 * implements it.
 */
public interface SyncSchedule {

	/** Whether the schedules run at all. */
	boolean enabled();

	/** When full pulls run. */
	String fullCron();

	/** When incremental pulls run. */
	String incrementalCron();
}
