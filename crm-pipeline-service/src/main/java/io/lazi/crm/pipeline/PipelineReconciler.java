package io.lazi.crm.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives opportunities from the stored facts in pages, one transaction per page, catching
 * anything an event missed (a job entering the recent window, a rule or mapping change). Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PipelineReconciler {

	/** Customers re-derived per transaction. */
	static final int PAGE = 500;

	private final FactReader facts;

	private final PipelineEngine engine;

	/** Tenants that have facts to reconcile. */
	@Transactional(readOnly = true)
	public List<String> tenants() {
		return facts.tenants();
	}

	/**
	 * Re-derives the next page of the tenant's customers after {@code afterCustomerId}.
	 *
	 * @return the page's last customer id, or {@code -1} when no customers were left
	 */
	@Transactional
	public long reconcilePage(String tenantId, long afterCustomerId) {

		var ids = facts.customersAfter(tenantId, afterCustomerId, PAGE);
		if (ids.isEmpty()) {
			return -1;
		}
		engine.rederive(tenantId, ids, OffsetDateTime.now(ZoneOffset.UTC));
		return ids.getLast();
	}
}
