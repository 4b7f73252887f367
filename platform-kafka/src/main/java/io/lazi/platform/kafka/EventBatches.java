package io.lazi.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies a poll of records as one batch for a batch {@code @KafkaListener}. When the batch fails (a poison record:
 * a type the registry does not place on the topic, a payload that does not verify; or the database went away), its
 * records are applied one by one in transactions of their own, and the one that fails is named to the platform
 * error handler ({@link BatchListenerFailedException}): the records before it stay applied, a poison record goes to
 * {@code <topic>-dlt} without retries, another failure is retried with back-off, and the records after it are
 * delivered again, as with a listener of single records. A record that does not decode is named the same way once
 * the ones before it are applied.
 */
public final class EventBatches {

	private static final Logger LOG = LoggerFactory.getLogger(EventBatches.class);

	private EventBatches() {
	}

	/**
	 * Decodes and applies {@code records}.
	 *
	 * @param applyAll applies decoded events in one transaction
	 * @param applyOne applies one decoded event in a transaction of its own
	 * @param applied told how many events were applied (before a failure, those before the failing one)
	 * @throws BatchListenerFailedException naming the record that could not be decoded or applied
	 */
	public static void apply(List<ConsumerRecord<String, byte[]>> records, CloudEventCodec codec,
			Consumer<List<ReceivedEvent<?>>> applyAll, Consumer<ReceivedEvent<?>> applyOne, IntConsumer applied) {

		var events = new ArrayList<ReceivedEvent<?>>(records.size());
		for (var i = 0; i < records.size(); i++) {
			try {
				events.add(codec.decode(records.get(i)));
			}
			catch (RuntimeException poison) {
				applyOrFind(events, applyAll, applyOne, applied);
				throw new BatchListenerFailedException("Record cannot be applied: " + poison.getMessage(), poison, i);
			}
		}
		applyOrFind(events, applyAll, applyOne, applied);
	}

	private static void applyOrFind(List<ReceivedEvent<?>> events, Consumer<List<ReceivedEvent<?>>> applyAll,
			Consumer<ReceivedEvent<?>> applyOne, IntConsumer applied) {

		if (events.isEmpty()) {
			return;
		}
		try {
			applyAll.accept(events);
			applied.accept(events.size());
		}
		catch (RuntimeException batchFailure) {
			LOG.warn("A batch of {} records failed ({}); applying them one by one", events.size(), batchFailure.toString());
			for (var i = 0; i < events.size(); i++) {
				try {
					applyOne.accept(events.get(i));
				}
				catch (RuntimeException ex) {
					applied.accept(i);
					throw new BatchListenerFailedException("Record failed: " + ex.getMessage(), ex, i);
				}
			}
			applied.accept(events.size());
		}
	}
}
