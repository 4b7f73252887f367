package io.lazi.stingest.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lazi.stingest.sync.SyncSchedule;

/**
 * Scheduled dispatch pulls of every configured tenant ({@code lazi.st-ingest.dispatch-schedule.*}). Dispatch runs
 * follow every completed CRM run already ({@code dispatch.after-crm}); these crons are the backstop for when CRM's
 * schedule is off or its runs fail.
 *
 * @param enabled whether the schedules run at all
 * @param fullCron when full pulls run (default 03:00 daily, after CRM's 02:30)
 * @param incrementalCron when incremental pulls run (default every 15 minutes)
 */
@ConfigurationProperties("lazi.st-ingest.dispatch-schedule")
record DispatchScheduleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 3 * * *") String fullCron,
		@DefaultValue("0 */15 * * * *") String incrementalCron) implements SyncSchedule {
}
