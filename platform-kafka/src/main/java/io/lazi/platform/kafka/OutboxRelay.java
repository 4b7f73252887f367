package io.lazi.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import io.lazi.platform.observability.TenantLogContext;
import io.lazi.platform.observability.TraceParents;

/**
 * Publishes committed outbox rows to Kafka and deletes exactly the rows it sent once the broker has
 * acknowledged every record of the batch ({@code acks=all}, idempotent producer). A transaction-level
 * advisory lock, keyed by the outbox's schema, lets only one replica of a service relay at a time, while
 * services that share a database relay side by side. Delivery is at least once: a crash between
 * acknowledgement and delete re-sends the same CloudEvents ids, which consumers de-duplicate.
 *
 * <p>Order: each batch is the lowest {@code seq}s among the rows committed when it is read, sent in
 * {@code seq} order. Rows of one topic go out together without waiting; a row of another topic than the row
 * before it goes out only once Kafka has acknowledged every earlier row of the batch, because records of
 * different topics (and partitions) are written independently and would otherwise land in any order: so
 * an event appended after others, on any topic, is in Kafka after them (pricebook's
 * {@code CategoriesSynced} on {@code sync.events} after the run's {@code pricebook.changed}). A transaction draws its {@code seq}s when it inserts, but its rows become visible
 * only when it commits, so a row can commit after rows with higher {@code seq}s have gone out; it stays
 * (the delete names the sent rows, not a {@code seq} range) and goes out with a later batch, after
 * them. So rows of one transaction keep their order, and so do rows of transactions where one commits
 * before the next appends; rows of transactions that overlap go out in {@code seq} order when they are
 * read together, else in the order they became visible. Per-key order therefore holds where the
 * writers of one entity serialise before they append, as the services do: pricebook's writers lock the
 * category's row, crm-pipeline locks the customer, an st-ingest run appends its steps one after
 * another. Runs of one tenant that overlap keep the order of each run's events on a per-tenant key
 * ({@code sync.events}), not an order between the runs.
 *
 * <p>Trace: each record is sent within the trace context stored with its row ({@link TraceParents}) and in
 * the row's tenant, so that the producer span and the record's {@code traceparent} header continue the trace
 * of the work that appended it; a row without one starts a trace of its own. The relay's own polls are not
 * observed ({@link LaziOutboxAutoConfiguration}).
 */
@RequiredArgsConstructor
public class OutboxRelay {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int LOCK_CLASS = 0x1a21_0017;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec codec;

	private final TraceParents traceParents;

	private final int batchSize;

	@Scheduled(fixedDelayString = "${lazi.outbox.poll-interval:100ms}")
	void relay() {

		try {
			while (Boolean.TRUE.equals(tx.execute(status -> relayBatch()))) {
				// keep draining while full batches come back
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Outbox relay failed; rows stay and are retried: {}", ex.toString());
		}
	}

	/** Publishes one batch; returns whether a full batch was sent (more may be waiting). */
	boolean relayBatch() {

		if (!tryLock(jdbc)) {
			return false;
		}
		var rows = jdbc.sql("""
				select seq, id, topic, record_key, type, subject, tenant_id, payload::text as payload, created_at, traceparent
				from outbox_event order by seq limit ?""")
			.param(batchSize)
			.query((rs, n) -> new Row(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getString("topic"),
					rs.getString("record_key"), rs.getString("type"), rs.getString("subject"), rs.getString("tenant_id"),
					rs.getString("payload"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("traceparent")))
			.list();
		if (rows.isEmpty()) {
			return false;
		}
		var sends = new ArrayList<CompletableFuture<?>>(rows.size());
		String topic = null;
		for (var row : rows) {
			if (topic != null && !topic.equals(row.topic())) {
				// Another topic: its partitions are written and read independently of the previous rows', so
				// the row goes out only once Kafka holds every row before it (a run's completion after its changes).
				awaitAcknowledged(sends);
			}
			topic = row.topic();
			sends.add(traceParents.within(row.traceparent(), () -> {
				try (var tenant = TenantLogContext.open(row.tenantId())) {
					return kafka.send(row.toRecord(codec));
				}
			}));
		}
		awaitAcknowledged(sends);
		// Not "seq <= last": a row with a lower seq that committed since the select was not sent.
		jdbc.sql("delete from outbox_event where seq = any(?)")
			.param(rows.stream().mapToLong(Row::seq).toArray())
			.update();
		return rows.size() == batchSize;
	}

	private static void awaitAcknowledged(List<CompletableFuture<?>> sends) {

		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge the outbox batch", ex);
		}
	}

	/** Takes this schema's relay lock until the surrounding transaction ends; false when another relay holds it. */
	static boolean tryLock(JdbcClient jdbc) {
		return jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(current_schema()))").param(LOCK_CLASS)
			.query(Boolean.class).single();
	}

	private record Row(long seq, UUID id, String topic, String key, String type, String subject, String tenantId,
			String payload, OffsetDateTime createdAt, @Nullable String traceparent) {

		ProducerRecord<String, byte[]> toRecord(CloudEventCodec codec) {
			return codec.toRecord(id, createdAt, topic, key, type, subject, tenantId,
					payload.getBytes(StandardCharsets.UTF_8));
		}
	}
}
