package io.lazi.stingest.sync;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps the runs of the instances straight: renews this instance's leases every {@code lease.renew-every},
 * and takes over runs whose lease expired at start-up (before the API and the schedules accept work) and
 * then every {@code lease.sweep-every}. Runs whatever {@code schedule.enabled} says: leases are not
 * schedules.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LeaseTasks implements SchedulingConfigurer, SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(LeaseTasks.class);

	private final Syncs syncs;

	private final RunLeases leases;

	private final SyncProperties properties;

	@Override
	public void afterSingletonsInstantiated() {
		syncs.takeOverExpired();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {

		var lease = properties.lease();
		registrar.addFixedDelayTask(new FixedDelayTask(this::renew, lease.renewEvery(), lease.renewEvery()));
		registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, lease.sweepEvery(), lease.sweepEvery()));
	}

	void renew() {

		try {
			leases.renew();
		}
		catch (RuntimeException ex) {
			// The leases run on until they expire; the next renewal tries again.
			LOG.warn("Could not renew the leases of this instance's sync runs", ex);
		}
	}

	void sweep() {

		try {
			syncs.takeOverExpired();
		}
		catch (RuntimeException ex) {
			LOG.warn("Could not look for sync runs whose lease expired", ex);
		}
	}
}
