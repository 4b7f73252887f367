package io.lazi.platform.observability;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;

/**
 * Counts work once its transaction has committed: a transaction that rolls back (and is retried, as a Kafka
 * listener's is) counts once, for the attempt that committed, not once per attempt. Needs spring-tx.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Adds {@code amount} to {@code counter} after the current transaction commits; at once when no transaction
	 * synchronization is active. Nothing is added when the transaction rolls back.
	 */
	public static void increment(Counter counter, double amount) {

		if (amount == 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(amount);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				counter.increment(amount);
			}
		});
	}
}
