package io.lazi.localstack.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.lazi.platform.events.KafkaAccess;

/**
 * How many records a service's consumer group has not yet committed on the topics it reads (the
 * {@code -dlt} topics aside), read with the operator's principal: the sum over the partitions of
 * end offset minus committed offset (the end offset where the group has committed nothing yet).
 * Zero means the service has processed everything published so far.
 *
 * @param bootstrapServers the broker
 * @param clientProperties the admin client's authentication (empty for an anonymous broker)
 */
public record ConsumerLag(String bootstrapServers, Map<String, Object> clientProperties) {

	public ConsumerLag {
		clientProperties = Map.copyOf(clientProperties);
	}

	/**
	 * The records {@code principal}'s group has still to process.
	 * @throws IllegalArgumentException for a principal whose group is a prefix (one group per instance)
	 * @throws IllegalStateException when the broker does not answer within 10 s
	 */
	public long of(KafkaAccess.Principal principal) {

		if (principal.group().prefixed()) {
			throw new IllegalArgumentException(principal.user() + " reads with a group per instance");
		}
		var topics = KafkaAccess.topics().stream()
			.filter(access -> access.consumers().contains(principal) && !access.topic().endsWith("-dlt"))
			.map(KafkaAccess.TopicAccess::topic)
			.toList();
		var config = new HashMap<>(clientProperties);
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (var admin = Admin.create(config)) {
			var partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
				.flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
				.toList();
			var committed = admin.listConsumerGroupOffsets(principal.group().name()).partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			var ends = admin.listOffsets(latest(partitions)).all().get(10, TimeUnit.SECONDS);
			long lag = 0;
			for (var partition : partitions) {
				var at = committed.get(partition);
				lag += Math.max(0, ends.get(partition).offset() - (at == null ? 0 : at.offset()));
			}
			return lag;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not read the consumer lag of " + principal.user() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the consumer lag of " + principal.user(), ex);
		}
	}

	private static Map<TopicPartition, OffsetSpec> latest(List<TopicPartition> partitions) {

		var specs = new HashMap<TopicPartition, OffsetSpec>();
		partitions.forEach(partition -> specs.put(partition, OffsetSpec.latest()));
		return specs;
	}
}
