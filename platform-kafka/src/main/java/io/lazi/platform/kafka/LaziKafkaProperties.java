package io.lazi.platform.kafka;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka settings of a Lazi service ({@code lazi.kafka.*}).
 *
 * @param source CloudEvents {@code ce_source} of this service, e.g. {@code /lazi/pricebook-service}
 * @param partitions partitions of the platform topics this service creates if missing
 * @param replicationFactor replicas of those topics (1 on a single local broker)
 * @param retry delivery attempts before a record goes to its {@code -dlt} topic
 * @param outboxBatchSize outbox rows the relay sends per transaction
 * @param health the {@code kafka} health indicator's settings
 */
@ConfigurationProperties("lazi.kafka")
record LaziKafkaProperties(@DefaultValue("/lazi/unnamed") URI source, @DefaultValue("3") int partitions,
		@DefaultValue("1") short replicationFactor, @DefaultValue Retry retry, @DefaultValue("500") int outboxBatchSize,
		@DefaultValue HealthProbe health) {

	/**
	 * @param attempts total delivery attempts of a failing record
	 * @param initialInterval back-off before the second attempt, doubled each time up to {@code maxInterval}
	 */
	record Retry(@DefaultValue("5") int attempts, @DefaultValue("500ms") Duration initialInterval,
			@DefaultValue("5s") Duration maxInterval) {
	}

	/**
	 * @param timeout how long one probe of the {@code kafka} health indicator waits for the cluster to
	 * describe itself before it reports DOWN; below the readiness probe's own timeout
	 */
	record HealthProbe(@DefaultValue("2s") Duration timeout) {
	}
}
