package io.lazi.platform.kafka;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox, its relay and consumer de-duplication, for services that own a database schema.
 */
@AutoConfiguration(after = LaziKafkaAutoConfiguration.class,
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
	Outbox outbox(DataSource dataSource, CloudEventCodec codec) {
		return new Outbox(JdbcClient.create(dataSource), codec);
	}

	@Bean
	ConsumedMessages consumedMessages(DataSource dataSource) {
		return new ConsumedMessages(JdbcClient.create(dataSource));
	}

	@Bean
	OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
			KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec, LaziKafkaProperties properties) {
		return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), kafka, codec,
				properties.outboxBatchSize());
	}
}
