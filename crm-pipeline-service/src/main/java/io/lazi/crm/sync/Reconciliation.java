package io.lazi.crm.sync;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.lazi.crm.pipeline.PipelineReconciler;

/**
 * Re-derives every opportunity of every tenant every {@code lazi.crm.reconciliation.interval}
 * (default 5 minutes), page by page, so that what an event missed is caught up.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Reconciliation {

	private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

	private final PipelineReconciler reconciler;

	@Scheduled(fixedDelayString = "${lazi.crm.reconciliation.interval:5m}",
			initialDelayString = "${lazi.crm.reconciliation.interval:5m}")
	void reconcileAll() {
		reconciler.tenants().forEach(this::reconcile);
	}

	/** Re-derives the tenant's customers, one transaction per page. */
	void reconcile(String tenantId) {

		long after = Long.MIN_VALUE;
		int pages = 0;
		while ((after = reconciler.reconcilePage(tenantId, after)) != -1) {
			pages++;
		}
		LOG.info("Reconciled tenant {} ({} pages)", tenantId, pages);
	}
}
