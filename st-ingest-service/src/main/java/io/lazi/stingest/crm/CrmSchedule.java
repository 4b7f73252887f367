package io.lazi.stingest.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.lazi.platform.events.SyncType;
import io.lazi.stingest.pricebook.SyncTrigger;

/**
 * Runs full and incremental CRM pulls of every configured tenant on the crons of
 * {@link CrmScheduleProperties}, unless disabled. A tenant whose CRM sync is still running skips that tick.
 */
@Configuration(proxyBeanMethods = false)
class CrmSchedule implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(CrmSchedule.class);

	private final CrmScheduleProperties schedule;

	private final CrmSync sync;

	CrmSchedule(CrmScheduleProperties schedule, CrmSync sync) {
		this.schedule = schedule;
		this.sync = sync;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {

		if (!schedule.enabled()) {
			LOG.info("Scheduled CRM syncs are disabled");
			return;
		}
		registrar.addCronTask(() -> startAll(SyncType.FULL), schedule.fullCron());
		registrar.addCronTask(() -> startAll(SyncType.INCREMENTAL), schedule.incrementalCron());
		LOG.info("Scheduled CRM syncs of tenants {}: full '{}', incremental '{}'", sync.tenants(), schedule.fullCron(),
				schedule.incrementalCron());
	}

	void startAll(SyncType type) {

		for (var tenant : sync.tenants()) {
			try {
				sync.start(tenant, type, SyncTrigger.SCHEDULED);
			}
			catch (CrmSyncAlreadyRunningException ex) {
				LOG.info("Scheduled CRM {} sync of tenant {} skipped: run {} is still running", type, tenant,
						ex.runningRunId());
			}
			catch (RuntimeException ex) {
				LOG.error("Scheduled CRM {} sync of tenant {} could not start", type, tenant, ex);
			}
		}
	}
}
