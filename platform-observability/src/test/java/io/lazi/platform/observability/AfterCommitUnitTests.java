package io.lazi.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AfterCommitUnitTests {

	private final Counter counter = new SimpleMeterRegistry().counter("lazi.demo.applied");

	private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactions());

	@Test
	void countsOnceTheTransactionCommits() {

		transactions.executeWithoutResult(status -> {
			AfterCommit.increment(counter, 2);
			assertThat(counter.count()).isZero();
		});

		assertThat(counter.count()).isEqualTo(2);
	}

	@Test
	void countsNothingForARolledBackTransaction() {

		transactions.executeWithoutResult(status -> {
			AfterCommit.increment(counter, 1);
			status.setRollbackOnly();
		});

		assertThat(counter.count()).isZero();
	}

	@Test
	void countsAtOnceOutsideATransaction() {

		AfterCommit.increment(counter, 1);

		assertThat(counter.count()).isEqualTo(1);
	}

	/** Transactions with synchronization and nothing else: what a DataSource transaction does around AfterCommit. */
	private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}
	}
}
