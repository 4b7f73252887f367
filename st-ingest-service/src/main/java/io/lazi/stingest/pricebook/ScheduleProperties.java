package io.lazi.stingest.pricebook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lazi.stingest.sync.SyncSchedule;

/**
 * Scheduled pricebook category pulls of every configured tenant ({@code lazi.st-ingest.schedule.*}).
 *
 * @param enabled whether the schedules run at all
 * @param fullCron when full pulls run (default 02:00 daily)
 * @param incrementalCron when incremental pulls run (default every 5 minutes)
 */
@ConfigurationProperties("lazi.st-ingest.schedule")
record ScheduleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 2 * * *") String fullCron,
		@DefaultValue("0 */5 * * * *") String incrementalCron) implements SyncSchedule {
}
