package io.lazi.platform.kafka;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer-side de-duplication: records the CloudEvents id of each applied event in
 * {@code consumed_message} in the same transaction as its effect, so a re-delivered event is
 * recognised and skipped. Must be called inside the transaction that applies the event.
 */
public class ConsumedMessages {

	private final JdbcClient jdbc;

	public ConsumedMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks {@code eventId} consumed by {@code consumer}.
	 *
	 * @return {@code true} the first time, {@code false} when it was already applied (skip it)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean markConsumed(String eventId, String consumer) {
		return jdbc.sql("insert into consumed_message (event_id, consumer) values (?, ?) on conflict do nothing")
			.params(eventId, consumer)
			.update() == 1;
	}
}
