package io.lazi.image.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

import io.lazi.image.ImageIntegrationTestSupport;
import io.lazi.image.TestImages;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.web.Tenant;

/**
 * The memory cache of an instance follows {@code pricebook.changed} by itself: the instances share one
 * consumer group for the database work, so the change of a node is applied (and committed) by one of them
 * only, and every other one must still stop serving the node's old image from memory.
 */
class CacheEvictionIntegrationTests extends ImageIntegrationTestSupport {

	/** The listener of the group the instances share ({@code image-service}), which applies changes to the database. */
	private static final String DATABASE_LISTENER = "image-pricebook-changed";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private PricebookImages images;

	@Autowired
	private ConsumerFactory<String, byte[]> consumers;

	@Test
	void dropsTheOldImageWhenAnotherInstanceAppliesTheChangeAndKeepsNoImageReadBeforeItsCommit() {

		var tenant = newTenant();
		var path = "/images/db/categories/48000001";
		var before = new NodeImageRows(jdbc).nodeWithStoredImage(tenant, 48000001L, 0, "Images/Category/before.png",
				TestImages.png(21));
		assertThat(get(path, tenant).body()).isEqualTo(before);
		assertThat(inMemory(tenant)).isEqualTo(1);

		// This instance gets no share of the database work: another one consumes the change.
		var shared = listeners.getListenerContainer(DATABASE_LISTENER);
		shared.stop();
		try {
			publishNode(tenant, 48000001L, 0, "Images/Category/after.png");
			await().atMost(Duration.ofSeconds(20)).until(() -> inMemory(tenant) == 0);

			// The other instance has not committed yet: the database's image is served, not kept.
			assertThat(get(path, tenant).body()).isEqualTo(before);
			assertThat(inMemory(tenant)).isZero();

			var after = TestImages.png(22);
			var rows = new NodeImageRows(jdbc);
			rows.updatePath(tenant, 48000001L, "Images/Category/after.png");
			rows.insertStored(tenant, "Images/Category/after.png", after);
			assertThat(get(path, tenant).body()).isEqualTo(after);
			assertThat(inMemory(tenant)).isEqualTo(1);
		}
		finally {
			shared.start();
		}
	}

	@Test
	void skipsRecordsItCannotReadWithoutDeadLetteringThemAndGoesOn() {

		var tenant = newTenant();
		var path = "/images/db/subcategories/48000002";
		var image = new NodeImageRows(jdbc).nodeWithStoredImage(tenant, 48000002L, 1, "Images/Sub/kept.png",
				TestImages.png(23));
		assertThat(get(path, tenant).body()).isEqualTo(image);

		var key = tenant + ":48000002";
		var shared = listeners.getListenerContainer(DATABASE_LISTENER);
		shared.stop();
		try {
			publish(new ProducerRecord<>(Topics.PRICEBOOK_CHANGED, key, "no CloudEvent".getBytes(StandardCharsets.UTF_8)));
			publish(pricebookCodec().toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
					Topics.PRICEBOOK_CHANGED, key, Events.PRICEBOOK_CATEGORY_UPDATED.name(), "48000002", tenant,
					"{\"stId\": ".getBytes(StandardCharsets.UTF_8)));
			publishNode(tenant, 48000002L, 1, null);

			// The records of one key keep their order: the two before it were done with when this one is.
			await().atMost(Duration.ofSeconds(20)).until(() -> inMemory(tenant) == 0);
			// Only the shared group (stopped here) dead-letters them; a failure here would have been retried and
			// then written to the -dlt before the listener went on.
			assertThat(deadLettered(key)).isZero();
		}
		finally {
			shared.start();
		}
	}

	private long inMemory(String tenant) {
		return images.stats(new Tenant(tenant)).cachedInMemory();
	}

	/** Records of {@code pricebook.changed-dlt} with {@code key}, read from the beginning to the end. */
	private long deadLettered(String key) {

		try (var consumer = consumers.createConsumer("image-test-" + UUID.randomUUID(), null)) {
			var partitions = consumer.partitionsFor(Topics.deadLetter(Topics.PRICEBOOK_CHANGED))
				.stream()
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			var end = consumer.endOffsets(partitions);
			long count = 0;
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
				for (var record : consumer.poll(Duration.ofSeconds(1))) {
					count += key.equals(record.key()) ? 1 : 0;
				}
			}
			return count;
		}
	}
}
