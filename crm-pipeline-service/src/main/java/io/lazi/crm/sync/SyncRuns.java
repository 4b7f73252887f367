package io.lazi.crm.sync;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.SyncCompleted;
import io.lazi.platform.events.SyncFailed;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.Tenant;

/** The CRM sync log: runs requested here and st-ingest's completions and failures of {@code crm} runs. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SyncRuns {

	/** The sync resource of CRM runs on {@code sync.events}. */
	public static final String RESOURCE = "crm";

	private final SyncLogWriter writer;

	private final SyncLogRepository log;

	private final Reconciliation reconciliation;

	/**
	 * Logs the end of a {@code crm} run, a {@link SyncCompleted} or {@link SyncFailed} (once per event);
	 * after a completion, re-derives every opportunity of the tenant so that nothing the run's events
	 * missed stays behind.
	 */
	public void ended(ReceivedEvent<?> event) {

		if (writer.record(event) && event.payload() instanceof SyncCompleted completed) {
			reconciliation.reconcile(completed.tenantId());
		}
	}

	@Transactional(readOnly = true)
	public List<SyncLogEntry> recent(Tenant tenant, int limit) {
		return log.recent(tenant, limit);
	}
}
