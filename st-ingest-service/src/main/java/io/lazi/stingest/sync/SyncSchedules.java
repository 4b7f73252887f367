package io.lazi.stingest.sync;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.lazi.platform.events.SyncType;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs the full and incremental pulls of every configured tenant on the crons of each resource's
 * {@link SyncSchedule}, unless it is disabled. Every instance evaluates the crons, and each tick fires on
 * one of them: the instance that takes the tick's lock ({@link ScheduleLocks}, named
 * {@code sync:{resource}:{type}}) starts the runs; the lock is kept {@code schedule-lock.at-least-for}, so an
 * instance whose clock is behind by less than that finds it taken and skips the tick. (The rule of one
 * running run per tenant and resource alone would not do: a run that ends before a slower instance's tick
 * would run again.) A tenant whose sync of the resource is still running skips that tick.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SyncSchedules implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(SyncSchedules.class);

	private final Syncs syncs;

	private final LockingTaskExecutor locks;

	private final SyncProperties.ScheduleLock lock;

	SyncSchedules(Syncs syncs, LockingTaskExecutor locks, SyncProperties properties) {
		this.syncs = syncs;
		this.locks = locks;
		this.lock = properties.scheduleLock();
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
			registrar.addCronTask(() -> fire(resource, SyncType.FULL), schedule.fullCron());
			registrar.addCronTask(() -> fire(resource, SyncType.INCREMENTAL), schedule.incrementalCron());
			LOG.info("Scheduled {} syncs of tenants {}: full '{}', incremental '{}'", resource.label(), syncs.tenants(),
					schedule.fullCron(), schedule.incrementalCron());
		}
	}

	/**
	 * Fires one tick: starts the runs of every tenant unless another instance holds the tick's lock.
	 *
	 * @return whether this instance fired it
	 */
	boolean fire(SyncResource resource, SyncType type) {

		var fired = new AtomicBoolean();
		locks.executeWithLock((Runnable) () -> {
			fired.set(true);
			startAll(resource, type);
		}, new LockConfiguration(Instant.now(), "sync:" + resource.name() + ":" + type, lock.atMostFor(),
				lock.atLeastFor()));
		if (!fired.get()) {
			LOG.debug("Scheduled {} {} syncs skipped: another instance fired this tick", resource.label(), type);
		}
		return fired.get();
	}

	private void startAll(SyncResource resource, SyncType type) {

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
