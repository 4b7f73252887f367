package io.lazi.platform.kafka;

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

		event.verified();
		if (markConsumed(event.id(), consumer)) {
			return true;
		}
		LOG.debug("Skipping event {} ({}), already applied by {}", event.id(), event.type(), consumer);
		return false;
	}

	/** {@code true} the first time {@code consumer} marks {@code eventId}, {@code false} when it was already applied. */
	private boolean markConsumed(String eventId, String consumer) {
		return jdbc.sql("insert into consumed_message (event_id, consumer) values (?, ?) on conflict do nothing")
			.params(eventId, consumer)
			.update() == 1;
	}
}
