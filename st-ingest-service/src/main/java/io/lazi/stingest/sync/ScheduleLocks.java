package io.lazi.stingest.sync;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * The locks that make each scheduled tick fire on one instance: ShedLock on the {@code shedlock} table of
 * st-ingest's schema, timed by the database's clock, each lock naming the instance that holds it.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleLocks {

	@Bean
	LockingTaskExecutor scheduleLockExecutor(JdbcTemplate jdbc, RunLeases leases) {
		return of(jdbc, leases.owner().instanceId());
	}

	/** Locks held in the name of {@code instanceId}. */
	static LockingTaskExecutor of(JdbcTemplate jdbc, String instanceId) {
		return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withTableName("shedlock")
			.usingDbTime()
			.withLockedByValue(instanceId)
			.build()));
	}
}
