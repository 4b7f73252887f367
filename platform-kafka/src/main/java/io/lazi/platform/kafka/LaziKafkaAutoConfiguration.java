package io.lazi.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import io.lazi.platform.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka defaults of every Lazi service: producer and consumer settings from
 * {@code kafka-defaults.properties} (added by {@link KafkaDefaultsEnvironmentPostProcessor}) (idempotent producer, {@code acks=all}, byte-array values,
 * observation on), the platform topics and their dead-letter topics, and an error handler that
 * retries a failing record with exponential back-off and then publishes it to {@code <topic>-dlt}.
 * Malformed payloads skip the retries.
 */
@AutoConfiguration
@EnableConfigurationProperties(LaziKafkaProperties.class)
public class LaziKafkaAutoConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(LaziKafkaAutoConfiguration.class);

	@Bean
	CloudEventCodec cloudEventCodec(JsonMapper json, LaziKafkaProperties properties) {
		return new CloudEventCodec(json, properties.source());
	}

	@Bean
	CommonErrorHandler laziKafkaErrorHandler(KafkaOperations<Object, Object> template, LaziKafkaProperties properties) {

		var retry = properties.retry();
		var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
		var deadLetters = new DeadLetterPublishingRecoverer(template);
		var handler = new DefaultErrorHandler((record, ex) -> {
			// Operators need a signal: the record leaves its partition for good.
			LOG.error("Giving up on {}-{}@{} (key {}); publishing it to {}", record.topic(), record.partition(),
					record.offset(), record.key(), Topics.deadLetter(record.topic()), ex);
			deadLetters.accept(record, ex);
		}, backOff);
		handler.addNotRetryableExceptions(JacksonException.class, DeserializationException.class,
				IllegalArgumentException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics laziPlatformTopics(LaziKafkaProperties properties) {

		var names = new String[] { Topics.ST_RAW_CATEGORIES, Topics.SYNC_EVENTS, Topics.PRICEBOOK_CHANGED,
				Topics.ST_RAW_BUSINESS_UNITS, Topics.ST_RAW_CUSTOMERS, Topics.ST_RAW_LOCATIONS, Topics.ST_RAW_JOBS,
				Topics.ST_RAW_APPOINTMENTS, Topics.ST_RAW_ESTIMATES, Topics.CRM_STAGE_MOVED, Topics.ST_RAW_SERVICES,
				Topics.ST_RAW_MATERIALS, Topics.ST_RAW_EQUIPMENT, Topics.ST_COMMANDS };
		var topics = new java.util.ArrayList<NewTopic>();
		for (var name : names) {
			topics.add(TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build());
			topics.add(TopicBuilder.name(Topics.deadLetter(name))
				.partitions(properties.partitions())
				.replicas(properties.replicationFactor())
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}
}
