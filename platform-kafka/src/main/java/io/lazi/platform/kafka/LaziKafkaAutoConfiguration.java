package io.lazi.platform.kafka;

import java.util.ArrayList;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka defaults of every Lazi service: producer and consumer settings from
 * {@code kafka-defaults.properties} (added by {@link KafkaDefaultsEnvironmentPostProcessor}; idempotent
 * producer, {@code acks=all}, byte-array values, observation on), the platform topics (every topic of the
 * registry, {@link Events}) and their dead-letter topics, and an error handler that retries a failing
 * record with exponential back-off and then publishes it to {@code <topic>-dlt}, counting it in
 * {@value #DEAD_LETTERS} (tag {@code topic}: the source topic). Malformed payloads and events that can
 * never be applied ({@link IllegalArgumentException}) skip the retries; a {@link RetryLaterException} is
 * delivered again after the wait it names, without limit and never to the dead-letter topic. Listeners continue the trace of
 * each record's {@code traceparent} and log in its tenant ({@link ConsumedRecordObservations}); so does the
 * error handler, and the dead-letter record stays in that trace.
 */
@AutoConfiguration
@EnableConfigurationProperties(LaziKafkaProperties.class)
public class LaziKafkaAutoConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(LaziKafkaAutoConfiguration.class);

	/** Records published to a dead-letter topic (Prometheus {@code lazi_kafka_dlt_records_total}). */
	static final String DEAD_LETTERS = DeadLetterCounts.NAME;

	@Bean
	CloudEventCodec cloudEventCodec(JsonMapper json, LaziKafkaProperties properties) {
		return new CloudEventCodec(json, properties.source());
	}

	/** Carries the raw record to listeners, so that they can take a {@code ReceivedEvent} argument. */
	@Bean
	@ConditionalOnMissingBean(RecordMessageConverter.class)
	RecordMessageConverter laziRecordMessageConverter() {
		var converter = new MessagingMessageConverter();
		converter.setRawRecordHeader(true);
		return converter;
	}

	/** Decodes {@code ReceivedEvent} listener arguments through the event registry. */
	@Bean
	KafkaListenerConfigurer laziReceivedEventArguments(CloudEventCodec codec) {
		return registrar -> registrar.setCustomMethodArgumentResolvers(new ReceivedEventArguments(codec));
	}

	/**
	 * Commits a partition's offset past the commit marker of the outbox relay's last transaction (ADR 0008):
	 * without it the marker's offset stays uncommitted once the records before it are consumed, and the
	 * consumer group's lag reads 1 per partition forever ({@code fixTxOffsets}; needs {@code read_committed}).
	 */
	@Bean
	@ConditionalOnMissingBean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> laziListenerContainers() {
		return container -> container.getContainerProperties().setFixTxOffsets(true);
	}

	@Bean
	DeadLetterCounts laziDeadLetterCounts(ObjectProvider<MeterRegistry> meters) {
		return new DeadLetterCounts(meters);
	}

	/** Every dead-letter counter of the service's listened topics from the start, at 0. */
	@Bean
	ApplicationListener<ApplicationStartedEvent> laziDeadLetterCountsAtStart(DeadLetterCounts counts,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		return event -> listeners.ifAvailable(counts::registerListenedTopics);
	}

	@Bean
	CommonErrorHandler laziKafkaErrorHandler(KafkaOperations<Object, Object> template, LaziKafkaProperties properties,
			DeadLetterCounts counts) {

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
			counts.published(record.topic());
		}, backOff);
		handler.addNotRetryableExceptions(JacksonException.class, DeserializationException.class,
				IllegalArgumentException.class);
		// Not a failure: delivered again after the wait the listener names, as often as it takes.
		handler.setBackOffFunction((record, ex) -> retryLater(ex) instanceof RetryLaterException later
				? new FixedBackOff(later.after().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		return handler;
	}

	private static Throwable retryLater(Throwable failure) {

		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetryLaterException) {
				return cause;
			}
		}
		return failure;
	}

	/** The tenant of each consumed record in the MDC of its listener, and one log line per consumed event. */
	@Bean
	ObservationHandler<KafkaRecordReceiverContext> laziConsumedRecordObservations() {
		return new ConsumedRecordObservations();
	}

	/**
	 * Creates the platform topics when missing, unless {@code lazi.kafka.create-topics=false}: where the
	 * broker enforces ACLs (the local stack, production) the operator's principal creates them, and a
	 * service's principal may not even describe the topics it does not use.
	 */
	@Bean
	@ConditionalOnProperty(prefix = "lazi.kafka", name = "create-topics", havingValue = "true", matchIfMissing = true)
	KafkaAdmin.NewTopics laziPlatformTopics(LaziKafkaProperties properties) {

		var topics = new ArrayList<NewTopic>();
		for (var name : Events.topics()) {
			topics.add(TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build());
			topics.add(TopicBuilder.name(Topics.deadLetter(name))
				.partitions(properties.partitions())
				.replicas(properties.replicationFactor())
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}
}
