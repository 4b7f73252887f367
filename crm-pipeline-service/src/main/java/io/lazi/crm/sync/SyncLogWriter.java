package io.lazi.crm.sync;

import java.time.Instant;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.FactIngest;
import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.Tenant;

/** Writes sync log rows, each sync event exactly once (checked and de-duplicated by CloudEvents id). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncLogWriter {

	private final ConsumedMessages consumed;

	private final SyncLogRepository log;

	@Transactional
	void requested(Tenant tenant, UUID syncRunId, String syncType) {
		log.requested(tenant, syncRunId, syncType, Instant.now());
	}

	/**
	 * Finishes the row of the run a {@link SyncCompleted} or {@link SyncFailed} reports; {@code false}
	 * when the event was applied before.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (tenant mismatch, missing fields,
	 *         another payload)
	 */
	@Transactional
	boolean record(ReceivedEvent<?> event) {

		if (!consumed.accept(event, FactIngest.CONSUMER)) {
			return false;
		}
		switch (event.payload()) {
			case SyncCompleted c -> log.finish(c.tenantId(), c.syncRunId(), c.syncType().name(), "completed",
					c.startedAt(), c.finishedAt(), c.durationMs(), c.rootCount(), null);
			case SyncFailed f -> log.finish(f.tenantId(), f.syncRunId(), f.syncType().name(), "failed", f.startedAt(),
					f.finishedAt(), f.durationMs(), null, f.error());
			default -> throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
					+ " reports no sync run outcome");
		}
		return true;
	}
}
