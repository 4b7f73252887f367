package io.lazi.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: {@link #append} writes an event row in the caller's transaction, so the
 * state change and its event commit together or not at all; {@link OutboxRelay} publishes committed
 * rows to Kafka in order. Each service owns an {@code outbox_event} table in its schema, created by
 * the Flyway migration this library ships in {@code classpath:db/platform-kafka} (docs/adr/0005). Must
 * be called inside a transaction.
 */
@RequiredArgsConstructor
public class Outbox {

	/** Rows per insert statement: 8 parameters a row stays far below PostgreSQL's 65,535 limit. */
	private static final int CHUNK = 1_000;

	private final JdbcClient jdbc;

	private final CloudEventCodec codec;

	/** Appends one event; returns its CloudEvents id. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID append(OutgoingEvent event) {
		return appendAll(List.of(event)).getFirst();
	}

	/** Appends events in order with batched multi-row inserts; returns their ids in the same order. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> appendAll(List<OutgoingEvent> events) {

		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var ids = events.stream().map(e -> UUID.randomUUID()).toList();
		for (int from = 0; from < events.size(); from += CHUNK) {
			var to = Math.min(from + CHUNK, events.size());
			var sql = new StringBuilder(
					"insert into outbox_event (id, topic, record_key, type, subject, tenant_id, payload, created_at) values ");
			var params = new ArrayList<Object>();
			for (int i = from; i < to; i++) {
				var e = events.get(i);
				sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)");
				params.addAll(List.of(ids.get(i), e.topic(), e.key(), e.type(), e.subject(), e.tenantId(),
						new String(codec.serialize(e.payload()), StandardCharsets.UTF_8), now));
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
		return ids;
	}
}
