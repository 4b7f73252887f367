package io.lazi.stingest.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lazi.stingest.sync.SyncSchedule;

/**
 * Scheduled CRM pulls of every configured tenant ({@code lazi.st-ingest.crm-schedule.*}).
 *
 * @param enabled whether the schedules run at all
 * @param fullCron when full pulls run (default 02:30 daily)
 * @param incrementalCron when incremental pulls run (default every 5 minutes)
 */
@ConfigurationProperties("lazi.st-ingest.crm-schedule")
record CrmScheduleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 2 * * *") String fullCron,
		@DefaultValue("0 */5 * * * *") String incrementalCron) implements SyncSchedule {
}
