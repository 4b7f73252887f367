package io.lazi.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.observability.TenantLogContext;
import io.lazi.platform.observability.TraceParents;

/**
 * The transactional outbox: {@link #append} writes an event row in the caller's transaction, so the
 * state change and its event commit together or not at all; {@link OutboxRelay} publishes committed
 * rows to Kafka in order. Each row keeps the W3C {@code traceparent} of the span current when it was
 * appended (the request or record being handled), which the relay continues, so that the record's
 * consumers join that trace. Each service owns an {@code outbox_event} table in its schema, created by the
 * Flyway migrations this library ships in {@code classpath:db/platform-kafka} and
 * {@code classpath:db/platform-kafka-changes} (docs/adr/0005, 0007). Each append logs one INFO line, in
 * the trace and tenant of the work. Must be called inside a transaction.
 */
@RequiredArgsConstructor
public class Outbox {

	private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

	/** Rows per insert statement: 9 parameters a row stays far below PostgreSQL's 65,535 limit. */
	private static final int CHUNK = 1_000;

	private final JdbcClient jdbc;

	private final CloudEventCodec codec;

	private final TraceParents traceParents;

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
		var traceparent = traceParents.current();
		for (int from = 0; from < events.size(); from += CHUNK) {
			var to = Math.min(from + CHUNK, events.size());
			var sql = new StringBuilder("insert into outbox_event "
					+ "(id, topic, record_key, type, subject, tenant_id, payload, created_at, traceparent) values ");
			var params = new ArrayList<Object>();
			for (int i = from; i < to; i++) {
				var e = events.get(i);
				sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)");
				params.addAll(Arrays.asList(ids.get(i), e.topic(), e.key(), e.type(), e.subject(), e.tenantId(),
						new String(codec.serialize(e.payload()), StandardCharsets.UTF_8), now, traceparent));
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
		log(events, ids);
		return ids;
	}

	/** What an SRE finds by trace id: the events this write announced (committed or not, the trace tells). */
	private static void log(List<OutgoingEvent> events, List<UUID> ids) {

		if (events.isEmpty()) {
			return;
		}
		var first = events.getFirst();
		var tenants = events.stream().map(OutgoingEvent::tenantId).distinct().toList();
		try (var tenant = TenantLogContext.open(tenants.size() == 1 ? tenants.getFirst() : null)) {
			if (events.size() == 1) {
				LOG.info("Recorded {} event {} for {} (subject {})", first.type(), ids.getFirst(), first.topic(),
						first.subject());
			}
			else {
				LOG.info("Recorded {} events for {}: {}", events.size(),
						events.stream().map(OutgoingEvent::topic).distinct().toList(),
						events.stream().map(OutgoingEvent::type).distinct().toList());
			}
		}
	}
}
