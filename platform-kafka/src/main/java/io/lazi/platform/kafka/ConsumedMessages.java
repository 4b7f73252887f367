package io.lazi.platform.kafka;

import java.util.HashSet;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer-side de-duplication: records the CloudEvents id of each applied event in
 * {@code consumed_message} in the same transaction as its effect, so a re-delivered event is
 * recognised and skipped. Must be called inside the transaction that applies the event.
 */
@RequiredArgsConstructor
public class ConsumedMessages {

	private static final Logger LOG = LoggerFactory.getLogger(ConsumedMessages.class);

	private final JdbcClient jdbc;

	/**
	 * The consumer-side check every applied event goes through: {@link ReceivedEvent#verified() verifies}
	 * it (tenant header equals payload tenant, required fields present), then marks it consumed by
	 * {@code consumer} in the caller's transaction.
	 *
	 * @return {@code true} when the caller applies it now, {@code false} when it was applied before (skip it)
	 * @throws IllegalArgumentException when the event can never be applied (a poison record)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean accept(ReceivedEvent<?> event, String consumer) {

		return !acceptAll(List.of(event), consumer).isEmpty();
	}

	/**
	 * {@link #accept} for a batch, in one statement: verifies every event, then marks them consumed by
	 * {@code consumer} in the caller's transaction.
	 *
	 * @return the events the caller applies now, in their order: those not applied before, each id once
	 * @throws IllegalArgumentException when an event can never be applied (a poison record); nothing is marked
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <E extends ReceivedEvent<?>> List<E> acceptAll(List<E> events, String consumer) {

		events.forEach(ReceivedEvent::verified);
		if (events.isEmpty()) {
			return List.of();
		}
		var fresh = new HashSet<>(jdbc.sql("""
				insert into consumed_message (event_id, consumer) select unnest(?::text[]), ?
				on conflict do nothing returning event_id""")
			.params(events.stream().map(ReceivedEvent::id).toArray(String[]::new), consumer)
			.query(String.class)
			.list());
		var accepted = events.stream().filter(event -> fresh.remove(event.id())).toList();
		if (accepted.size() < events.size()) {
			LOG.debug("Skipping {} of {} events, already applied by {}", events.size() - accepted.size(), events.size(),
					consumer);
		}
		return accepted;
	}
}
