package io.lazi.platform.kafka;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.lazi.platform.observability.LaziObservabilityAutoConfiguration;
import io.lazi.platform.observability.TraceParents;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;

/**
 * The outbox, its relay, its backlog gauges ({@link OutboxMetrics}) and consumer de-duplication, for
 * services that own a database schema.
 */
@AutoConfiguration(after = { LaziKafkaAutoConfiguration.class, LaziObservabilityAutoConfiguration.class },
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
				"org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean(DataSource.class)
@EnableScheduling
public class LaziOutboxAutoConfiguration {

	@Bean
	Outbox outbox(DataSource dataSource, CloudEventCodec codec, TraceParents traceParents) {
		return new Outbox(JdbcClient.create(dataSource), codec, traceParents);
	}

	@Bean
	ConsumedMessages consumedMessages(DataSource dataSource) {
		return new ConsumedMessages(JdbcClient.create(dataSource));
	}

	@Bean
	OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
			KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec, TraceParents traceParents,
			LaziKafkaProperties properties) {
		return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), kafka, codec,
				traceParents, properties.outboxBatchSize());
	}

	/**
	 * Leaves the relay's polls (every {@code lazi.outbox.poll-interval}) unobserved: each would be a trace
	 * of its own, ten a second, and its records would join the poll's trace instead of the one stored with
	 * their rows.
	 */
	@Bean
	ObservationPredicate laziUnobservedOutboxPolls() {
		return (name, context) -> !(context instanceof ScheduledTaskObservationContext task
				&& OutboxRelay.class.isAssignableFrom(task.getTargetClass()));
	}

	@Bean
	@ConditionalOnClass(MeterBinder.class)
	MeterBinder laziOutboxMetrics(DataSource dataSource) {
		return new OutboxMetrics(JdbcClient.create(dataSource), Clock.systemUTC());
	}
}
