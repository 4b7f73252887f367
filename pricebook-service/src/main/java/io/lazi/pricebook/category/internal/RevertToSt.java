package io.lazi.pricebook.category.internal;

import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.kafka.Outbox;

/**
 * Drops every local change of an item so it shows ServiceTitan's values again, and announces what
 * changed on {@code pricebook.changed}. Its conflict, if any, is the caller's to settle.
 */
@Component
public class RevertToSt {

	private final CategoryTable categories;

	private final Outbox outbox;

	RevertToSt(CategoryTable categories, Outbox outbox) {
		this.categories = categories;
		this.outbox = outbox;
	}

	/** Makes {@code stored} (locked by the caller) ServiceTitan's again. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void revert(String tenantId, StoredNode stored) {

		var stId = stored.node().stId();
		categories.update(tenantId, stId, CategoryTable.clearedValues(stored));
		if (!Objects.equals(stored.node().parentStId(), stored.local().stParentStId())) {
			categories.rebuildPaths(tenantId);
		}
		var after = categories.lock(tenantId, stId).orElseThrow();
		CategoryChange.between(stored.node(), after.node())
			.ifPresent(change -> outbox.append(ChangeEvents.of(tenantId, change)));
	}
}
