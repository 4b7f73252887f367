package io.lazi.platform.kafka;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;

import io.lazi.platform.events.KafkaAccess;

/**
 * Which outbox rows the relay's last committed Kafka transaction carried, kept in Kafka itself: a transactional
 * offset of a group no consumer joins ({@link KafkaAccess.Principal#outboxGroup()}) on partition 0 of
 * {@link KafkaAccess#outboxPositionTopic}, committed in the same transaction as the records, the way Kafka
 * Streams commits its input offsets with its output. So the records and the position become visible together
 * or not at all, and a relay that could not delete the rows it sent (PostgreSQL gone after Kafka committed,
 * the process killed in between) learns from the position which rows Kafka already holds instead of sending
 * them again. The offset is the highest {@code seq}; the offset's metadata lists every {@code seq} as ranges
 * ({@code 17-420,433}).
 *
 * @param adminConfig the admin client's configuration, e.g. {@code KafkaAdmin.getConfigurationProperties()}
 * @param group the group the position is committed for
 * @param partition where the position is committed
 */
record OutboxPosition(Map<String, Object> adminConfig, String group, TopicPartition partition) {

	/** Longest seq list a position carries: below the broker's {@code offset.metadata.max.bytes} (4,096). */
	static final int MAX_METADATA_CHARS = 3_500;

	/** The position of {@code principal}'s relay. */
	static OutboxPosition of(KafkaAccess.Principal principal, Map<String, Object> adminConfig) {
		return new OutboxPosition(adminConfig, principal.outboxGroup(),
				new TopicPartition(KafkaAccess.outboxPositionTopic(principal), 0));
	}

	/** Adds the position of {@code seqs} to the transaction {@code operations} runs in. */
	void commit(KafkaOperations<String, byte[]> operations, Seqs seqs) {
		operations.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(seqs.highest(), seqs.encoded())),
				new ConsumerGroupMetadata(group));
	}

	/**
	 * The seqs of the last committed transaction, waiting for one still being completed; none before the first.
	 *
	 * @throws IllegalStateException when Kafka does not answer within 30 s
	 */
	long[] lastCommitted() {

		try (var admin = Admin.create(adminConfig)) {
			var committed = admin.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().requireStable(true))
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS)
				.get(partition);
			return committed == null ? new long[0] : Seqs.decode(committed.metadata());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Reading the outbox position of " + group + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the outbox position of " + group, ex);
		}
	}

	/** Ascending seqs collected into ranges, as long as their text stays within {@link #MAX_METADATA_CHARS}. */
	static final class Seqs {

		private final StringBuilder closed = new StringBuilder();

		private long start = -1;

		private long end = -1;

		/** Adds {@code seq}, higher than every seq before it; false, adding nothing, when the text would be too long. */
		boolean add(long seq) {

			if (start >= 0 && seq == end + 1) {
				if (length(start, seq) > MAX_METADATA_CHARS) {
					return false;
				}
				end = seq;
				return true;
			}
			var before = closed.length();
			if (start >= 0) {
				closed.append(range(start, end)).append(',');
			}
			if (closed.length() + Long.toString(seq).length() > MAX_METADATA_CHARS) {
				closed.setLength(before);
				return false;
			}
			start = seq;
			end = seq;
			return true;
		}

		long highest() {
			return end;
		}

		String encoded() {
			return start < 0 ? closed.toString() : closed + range(start, end);
		}

		private int length(long from, long to) {
			return closed.length() + range(from, to).length();
		}

		private static String range(long from, long to) {
			return from == to ? Long.toString(from) : from + "-" + to;
		}

		static long[] decode(String text) {

			if (text == null || text.isBlank()) {
				return new long[0];
			}
			var seqs = new ArrayList<Long>();
			for (var part : text.split(",")) {
				var bounds = part.split("-");
				long from = Long.parseLong(bounds[0]);
				long to = bounds.length > 1 ? Long.parseLong(bounds[1]) : from;
				for (long seq = from; seq <= to; seq++) {
					seqs.add(seq);
				}
			}
			return seqs.stream().mapToLong(Long::longValue).toArray();
		}
	}
}
