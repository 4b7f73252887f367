package io.lazi.crm.sync;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.FactIngest;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.IncomingEvent;
import io.lazi.platform.web.Tenant;

/** Writes sync log rows, each sync event exactly once (by CloudEvents id). */
@Component
class SyncLogWriter {

	private static final Logger LOG = LoggerFactory.getLogger(SyncLogWriter.class);

	private final ConsumedMessages consumed;

	private final SyncLogRepository log;

	SyncLogWriter(ConsumedMessages consumed, SyncLogRepository log) {
		this.consumed = consumed;
		this.log = log;
	}

	@Transactional
	void requested(Tenant tenant, UUID syncRunId, String syncType) {
		log.requested(tenant, syncRunId, syncType, Instant.now());
	}

	/** Finishes the run's row; {@code false} when the event was applied before. */
	@Transactional
	boolean record(IncomingEvent event, @Nullable String tenantId, @Nullable UUID syncRunId, String syncType,
			String status, Instant startedAt, Instant finishedAt, long durationMs, @Nullable Integer published,
			@Nullable String error) {

		if (tenantId == null || tenantId.isBlank() || syncRunId == null) {
			throw new IllegalArgumentException("Sync event " + event.id() + " lacks tenantId or syncRunId");
		}
		if (!consumed.markConsumed(event.id(), FactIngest.CONSUMER)) {
			LOG.debug("Skipping already applied sync event {}", event.id());
			return false;
		}
		log.finish(tenantId, syncRunId, syncType, status, startedAt, finishedAt, durationMs, published, error);
		return true;
	}
}
