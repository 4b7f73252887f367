package io.lazi.stingest.pricebook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.lazi.platform.events.SyncType;

/**
 * Runs full and incremental pricebook pulls of every configured tenant on the crons of
 * {@link ScheduleProperties}, unless disabled. A tenant whose sync is still running skips that tick.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PricebookSchedule implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookSchedule.class);

	private final ScheduleProperties schedule;

	private final PricebookSync sync;

	PricebookSchedule(ScheduleProperties schedule, PricebookSync sync) {
		this.schedule = schedule;
		this.sync = sync;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {

		if (!schedule.enabled()) {
			LOG.info("Scheduled pricebook syncs are disabled");
			return;
		}
		registrar.addCronTask(() -> startAll(SyncType.FULL), schedule.fullCron());
		registrar.addCronTask(() -> startAll(SyncType.INCREMENTAL), schedule.incrementalCron());
		LOG.info("Scheduled pricebook syncs of tenants {}: full '{}', incremental '{}'", sync.tenants(),
				schedule.fullCron(), schedule.incrementalCron());
	}

	void startAll(SyncType type) {

		for (var tenant : sync.tenants()) {
			try {
				sync.start(tenant, type, SyncTrigger.SCHEDULED);
			}
			catch (SyncAlreadyRunningException ex) {
				LOG.info("Scheduled {} sync of tenant {} skipped: run {} is still running", type, tenant,
						ex.runningRunId());
			}
			catch (RuntimeException ex) {
				LOG.error("Scheduled {} sync of tenant {} could not start", type, tenant, ex);
			}
		}
	}
}
