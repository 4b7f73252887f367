package io.lazi.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.UUID;

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
 * Publishes committed outbox rows to Kafka exactly once: each batch goes out in one Kafka transaction, together
 * with the {@link OutboxPosition} that names its rows, and the rows are deleted once that transaction has
 * committed. When the delete does not happen (PostgreSQL went away after Kafka committed, the process was killed
 * in between, the commit's answer was lost), the next batch first reads the position and deletes the rows Kafka
 * already holds instead of sending them again; a transaction that did not commit is aborted, and consumers read
 * committed records only ({@code isolation.level=read_committed}), so they never see its records. Every replica
 * of a service uses one {@code transactional.id} ({@link io.lazi.platform.events.KafkaAccess.Principal#outboxTransactionalIdPrefix()}),
 * so a relay that takes over fences one that was frozen mid-batch: that one's commit fails and its rows stay.
 * A transaction-level advisory lock, keyed by the outbox's schema, lets only one replica relay at a time, while
 * services that share a database relay side by side; a replica that finds the lock taken waits
 * {@link #FOLLOWER_PAUSE} before it tries again, so that the relay does not move between replicas (each move
 * starts a new producer) at every poll.
 *
 * <p>Order: each batch is the lowest {@code seq}s among the rows committed when it is read, up to the first row
 * of another topic, sent in {@code seq} order; a row of another topic goes out with the next batch, in a
 * transaction that begins only once the one before it committed, because records of different topics (and
 * partitions) are read independently: so an event appended after others, on any topic, is in Kafka after
 * them (pricebook's {@code CategoriesSynced} on {@code sync.events} after the run's {@code pricebook.changed}).
 * A transaction draws its {@code seq}s when it inserts, but its rows become visible only when it commits, so a
 * row can commit after rows with higher {@code seq}s have gone out; it stays (the delete names the sent rows,
 * not a {@code seq} range) and goes out with a later batch, after them. So rows of one transaction keep their
 * order, and so do rows of transactions where one commits before the next appends; rows of transactions that
 * overlap go out in {@code seq} order when they are read together, else in the order they became visible.
 * Per-key order therefore holds where the writers of one entity serialise before they append, as the services
 * do: pricebook's writers lock the category's row, crm-pipeline locks the customer, an st-ingest run appends
 * its steps one after another. Runs of one tenant that overlap keep the order of each run's events on a
 * per-tenant key ({@code sync.events}), not an order between the runs.
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

	/** How long a replica that found another relaying waits before it tries the lock again. */
	static final Duration FOLLOWER_PAUSE = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	/** A template on a transactional producer factory, used by this relay alone. */
	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec codec;

	private final TraceParents traceParents;

	private final OutboxPosition position;

	private final int batchSize;

	/** Whether the rows of the last committed Kafka transaction are known to be deleted; false after any failure. */
	private volatile boolean settled;

	/** Until when (System.nanoTime) this replica leaves the relay to another; nanoTime has an arbitrary origin, so it starts at now. */
	private volatile long followUntil = System.nanoTime();

	@Scheduled(fixedDelayString = "${lazi.outbox.poll-interval:100ms}")
	void relay() {

		if (System.nanoTime() - followUntil < 0) {
			return;
		}
		try {
			while (Boolean.TRUE.equals(tx.execute(status -> relayBatch()))) {
				// keep draining while more rows may be waiting
			}
		}
		catch (RuntimeException ex) {
			settled = false;
			LOG.warn("Outbox relay failed; rows stay and are retried: {}", ex.toString());
		}
	}

	/** Publishes one batch; returns whether more rows may be waiting. */
	boolean relayBatch() {

		if (!tryLock(jdbc)) {
			followUntil = System.nanoTime() + FOLLOWER_PAUSE.toNanos();
			settled = false; // the other replica's transactions move the position
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
		if (!settled) {
			var alreadySent = settle();
			if (alreadySent > 0) {
				return true; // read again: what is left
			}
		}
		var batch = new ArrayList<Row>(rows.size());
		var seqs = new OutboxPosition.Seqs();
		for (var row : rows) {
			if (!row.topic().equals(rows.getFirst().topic()) || !seqs.add(row.seq())) {
				break;
			}
			batch.add(row);
		}
		kafka.executeInTransaction(operations -> {
			for (var row : batch) {
				traceParents.within(row.traceparent(), () -> {
					try (var tenant = TenantLogContext.open(row.tenantId())) {
						return operations.send(row.toRecord(codec));
					}
				});
			}
			position.commit(operations, seqs);
			return null; // committing flushes: every record is acknowledged, or the transaction fails
		});
		// Not "seq <= last": a row with a lower seq that committed since the select was not sent.
		jdbc.sql("delete from outbox_event where seq = any(?)")
			.param(batch.stream().mapToLong(Row::seq).toArray())
			.update();
		return batch.size() < rows.size() || rows.size() == batchSize;
	}

	/**
	 * Ends any transaction of this relay's {@code transactional.id} still open (starting the producer fences
	 * another replica's and aborts what it left), then deletes the rows that the last committed transaction
	 * carried; returns how many were still here.
	 */
	private int settle() {

		kafka.executeInTransaction(operations -> null);
		var sent = position.lastCommitted();
		var deleted = sent.length == 0 ? 0
				: jdbc.sql("delete from outbox_event where seq = any(?)").param(sent).update();
		if (deleted > 0) {
			LOG.info("Outbox relay: {} rows were in Kafka already (the last transaction committed before their delete); "
					+ "deleted without sending them again", deleted);
		}
		settled = true;
		return deleted;
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
