package io.lazi.stingest.sync;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At startup, before the API and the schedules accept work, marks runs left {@code RUNNING} by a
 * crashed or killed process as {@code FAILED} and announces them with {@code SyncFailed}, so the
 * tenant can sync again.
 */
@Component
class InterruptedRuns implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);

	private final SyncLedger ledger;

	InterruptedRuns(SyncLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void afterSingletonsInstantiated() {

		for (var run : ledger.failInterrupted(Clock.systemUTC().instant())) {
			LOG.warn("Sync {} of tenant {} was left running by a previous process; marked FAILED", run.id(),
					run.tenantId());
		}
	}
}
