package io.lazi.pricebook.category.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY_PUSH_ITEM;
import static org.jooq.impl.DSL.any;

import java.util.Collection;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Read model of the push commands still awaiting their outcome ({@code category_push_item} rows in
 * {@code WAITING} or {@code SENT}); the push feature owns the writes of that table.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class InFlight {

	/** A command held back until a local create of the same push has its real id. */
	public static final String WAITING = "WAITING";

	/** A command sent to st-ingest, its outcome not yet applied. */
	public static final String SENT = "SENT";

	private final DSLContext dsl;

	/** The ids among {@code stIds} with a push command awaiting its outcome. */
	public Set<Long> among(String tenantId, Collection<Long> stIds) {
		return dsl.selectDistinct(CATEGORY_PUSH_ITEM.ST_ID)
			.from(CATEGORY_PUSH_ITEM)
			.where(CATEGORY_PUSH_ITEM.TENANT_ID.eq(tenantId))
			.and(CATEGORY_PUSH_ITEM.ST_ID.eq(any(stIds.toArray(Long[]::new))))
			.and(CATEGORY_PUSH_ITEM.STATUS.in(WAITING, SENT))
			.fetchSet(CATEGORY_PUSH_ITEM.ST_ID);
	}

	/** Whether a command of the item awaits its outcome. */
	public boolean contains(String tenantId, long stId) {
		return !among(tenantId, Set.of(stId)).isEmpty();
	}
}
