package io.lazi.stingest.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.lazi.platform.events.SyncType;

/**
 * Runs the full and incremental pulls of every configured tenant on the crons of each resource's
 * {@link SyncSchedule}, unless it is disabled. A tenant whose sync of the resource is still running
 * skips that tick.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SyncSchedules implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(SyncSchedules.class);

	private final Syncs syncs;

	SyncSchedules(Syncs syncs) {
		this.syncs = syncs;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {

		for (var resource : syncs.resources()) {
			var schedule = resource.schedule();
			if (schedule == null) {
				continue;
			}
			if (!schedule.enabled()) {
				LOG.info("Scheduled {} syncs are disabled", resource.label());
				continue;
			}
			registrar.addCronTask(() -> startAll(resource, SyncType.FULL), schedule.fullCron());
			registrar.addCronTask(() -> startAll(resource, SyncType.INCREMENTAL), schedule.incrementalCron());
			LOG.info("Scheduled {} syncs of tenants {}: full '{}', incremental '{}'", resource.label(), syncs.tenants(),
					schedule.fullCron(), schedule.incrementalCron());
		}
	}

	void startAll(SyncResource resource, SyncType type) {

		for (var tenant : syncs.tenants()) {
			try {
				syncs.start(resource, tenant, type, SyncTrigger.SCHEDULED);
			}
			catch (SyncAlreadyRunningException ex) {
				LOG.info("Scheduled {} {} sync of tenant {} skipped: run {} is still running", resource.label(), type,
						tenant, ex.runningRunId());
			}
			catch (RuntimeException ex) {
				LOG.error("Scheduled {} {} sync of tenant {} could not start", resource.label(), type, tenant, ex);
			}
		}
	}
}
