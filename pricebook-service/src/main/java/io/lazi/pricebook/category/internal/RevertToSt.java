package io.lazi.pricebook.category.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.Tenant;

/**
 * Drops every local change of an item so it shows ServiceTitan's values again, and announces what
 * changed on {@code pricebook.changed}. Its conflict, if any, is the caller's to settle.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RevertToSt {

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final ChangeAnnouncer announcer;

	/** Makes {@code stored} (locked by the caller) ServiceTitan's again. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void revert(Tenant tenant, StoredNode stored) {

		var stId = stored.node().stId();
		categories.update(tenant.id(), stId, clearedValues(stored));
		if (!Objects.equals(stored.node().parentStId(), stored.local().stParentStId())) {
			categories.rebuildPaths(tenant.id());
		}
		var after = rows.lock(tenant.id(), stId).orElseThrow();
		CategoryChange.between(stored.node(), after.node())
			.ifPresent(change -> announcer.announce(tenant.id(), change));
	}

	/** Column values that drop every local change: the item is ServiceTitan's again. */
	private static Map<Field<?>, Object> clearedValues(StoredNode stored) {

		var local = stored.local();
		var values = new HashMap<Field<?>, Object>();
		values.put(CATEGORY.NAME, local.stName());
		values.put(CATEGORY.IMAGE_PATH, local.stImagePath());
		values.put(CATEGORY.POSITION, local.stPosition());
		values.put(CATEGORY.PARENT_ST_ID, local.stParentStId());
		values.put(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, null);
		values.put(CATEGORY.LOCAL_STATUS, LocalState.NONE);
		values.put(CATEGORY.PENDING_FIELDS, new String[0]);
		values.put(CATEGORY.PENDING_SINCE, null);
		values.put(CATEGORY.BASE_ST_MODIFIED_ON, null);
		values.put(CATEGORY.LOCAL_VERSION, local.localVersion() + 1);
		values.putAll(CategoryTable.errorValues(null, null, null, null, null));
		return values;
	}
}
