package io.lazi.platform.kafka;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.lazi.platform.events.KafkaAccess;
import io.lazi.platform.observability.LaziObservabilityAutoConfiguration;
import io.lazi.platform.observability.TraceParents;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

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

	/**
	 * The relay, on a transactional producer of its own (the service's other producers stay non-transactional)
	 * whose {@code transactional.id} is the one of the service's principal, named by {@code lazi.kafka.source}.
	 */
	@Bean
	OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
			ProducerFactory<?, ?> producers, KafkaAdmin admin, ObjectProvider<ObservationRegistry> observations,
			CloudEventCodec codec, TraceParents traceParents, LaziKafkaProperties properties) {

		var principal = principal(properties);
		@SuppressWarnings("unchecked")
		var transactional = (DefaultKafkaProducerFactory<String, byte[]>) ((ProducerFactory<String, byte[]>) producers)
			.copyWithConfigurationOverride(Map.of());
		transactional.setTransactionIdPrefix(principal.outboxTransactionalIdPrefix());
		// One suffix, 0: every replica's relay has the same transactional.id and fences the one before it.
		transactional.setTransactionIdSuffixStrategy(new DefaultTransactionIdSuffixStrategy(1));
		var kafka = new KafkaTemplate<>(transactional);
		kafka.setProducerListener(new RelayProducerListener());
		kafka.setObservationEnabled(true);
		kafka.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), kafka, codec,
				traceParents, OutboxPosition.of(principal, admin.getConfigurationProperties()), properties.outboxBatchSize());
	}

	private static KafkaAccess.Principal principal(LaziKafkaProperties properties) {

		var path = properties.source().getPath();
		return KafkaAccess.Principal.ofUser(path.substring(path.lastIndexOf('/') + 1))
			.orElseThrow(() -> new IllegalStateException("lazi.kafka.source " + properties.source()
					+ " names no platform principal (KafkaAccess), so the outbox relay has no transactional id"));
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
