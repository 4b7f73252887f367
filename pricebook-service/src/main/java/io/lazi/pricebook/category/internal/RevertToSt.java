package io.lazi.pricebook.category.internal;

import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.Tenant;

/**
 * Drops every local change of an item so it shows ServiceTitan's values again, and announces what
 * changed on {@code pricebook.changed}. Its conflict, if any, is the caller's to settle.
 */
@Component
public class RevertToSt {

	private final CategoryTable categories;

	private final ChangeAnnouncer announcer;

	RevertToSt(CategoryTable categories, ChangeAnnouncer announcer) {
		this.categories = categories;
		this.announcer = announcer;
	}

	/** Makes {@code stored} (locked by the caller) ServiceTitan's again. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void revert(Tenant tenant, StoredNode stored) {

		var stId = stored.node().stId();
		categories.update(tenant.id(), stId, CategoryTable.clearedValues(stored));
		if (!Objects.equals(stored.node().parentStId(), stored.local().stParentStId())) {
			categories.rebuildPaths(tenant.id());
		}
		var after = categories.lock(tenant.id(), stId).orElseThrow();
		CategoryChange.between(stored.node(), after.node())
			.ifPresent(change -> announcer.announce(tenant.id(), change));
	}
}
