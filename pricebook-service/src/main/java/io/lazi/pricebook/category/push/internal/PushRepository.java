package io.lazi.pricebook.category.push.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_PUSH;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_PUSH_ITEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SelectField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.category.push.PushStatus;

/**
 * The one writer of pushes and their commands ({@code category_push}, {@code category_push_item});
 * tenant-scoped. Other features see commands in flight through
 * {@link io.lazi.pricebook.category.internal.InFlight}.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PushRepository {

	private static final SelectField<PushItem> ITEM = row(CATEGORY_PUSH_ITEM.COMMAND_ID, CATEGORY_PUSH_ITEM.PUSH_ID,
			CATEGORY_PUSH_ITEM.ST_ID, CATEGORY_PUSH_ITEM.ACTION.convertFrom(CommandAction::valueOf),
			CATEGORY_PUSH_ITEM.FIELDS.convertFrom(f -> List.of(f)), CATEGORY_PUSH_ITEM.LOCAL_VERSION,
			CATEGORY_PUSH_ITEM.WAIT_FOR, CATEGORY_PUSH_ITEM.STATUS)
		.mapping(PushItem::new);

	private static final SelectField<PushStatus> STATUS = row(CATEGORY_PUSH.PUSH_ID, CATEGORY_PUSH.COUNT,
			outcomes(true), outcomes(false),
			CATEGORY_PUSH.STARTED_AT.convertFrom(Timestamps::instant),
			CATEGORY_PUSH.FINISHED_AT.convertFrom(Timestamps::instant))
		.mapping(PushStatus::of);

	/** Commands of the push (in the outer query) that succeeded, or failed, so far. */
	private static Field<Integer> outcomes(boolean succeeded) {

		var items = CATEGORY_PUSH_ITEM.as("outcome");
		var status = succeeded ? items.STATUS.eq(PushItem.SUCCEEDED)
				: items.STATUS.notIn(PushItem.SUCCEEDED, PushItem.WAITING, PushItem.SENT);
		return field(selectCount().from(items)
			.where(items.TENANT_ID.eq(CATEGORY_PUSH.TENANT_ID))
			.and(items.PUSH_ID.eq(CATEGORY_PUSH.PUSH_ID))
			.and(status));
	}

	private final DSLContext dsl;

	/** Pending rows a push may send now: not conflicted and not already in flight. Locked. */
	public List<StoredNode> lockPushable(String tenantId, @Nullable Collection<Long> onlyStIds) {

		var open = CATEGORY_PUSH_ITEM.as("open");
		var query = dsl.select(CategoryRows.STORED)
			.from(CATEGORY)
			.where(CATEGORY.TENANT_ID.eq(tenantId))
			.and(CategoryRows.PENDING)
			.and(CATEGORY.CONFLICT_ID.isNull())
			.and(notExists(selectOne().from(open)
				.where(open.TENANT_ID.eq(tenantId))
				.and(open.ST_ID.eq(CATEGORY.ST_ID))
				.and(open.STATUS.in(PushItem.WAITING, PushItem.SENT))));
		if (onlyStIds != null) {
			query = query.and(CATEGORY.ST_ID.in(onlyStIds));
		}
		return query.orderBy(CATEGORY.DEPTH, CATEGORY.ST_ID).forUpdate().of(CATEGORY).fetch(Record1::value1);
	}

	/** Pending rows a push leaves out because they have an open conflict, all of them or only {@code onlyStIds}. */
	public int countConflicted(String tenantId, @Nullable Collection<Long> onlyStIds) {

		var conflicted = CATEGORY.TENANT_ID.eq(tenantId).and(CategoryRows.PENDING).and(CATEGORY.CONFLICT_ID.isNotNull());
		return dsl.fetchCount(CATEGORY, onlyStIds == null ? conflicted : conflicted.and(CATEGORY.ST_ID.in(onlyStIds)));
	}

	public void insertPush(String tenantId, UUID pushId, int count, OffsetDateTime now) {
		dsl.insertInto(CATEGORY_PUSH, CATEGORY_PUSH.TENANT_ID, CATEGORY_PUSH.PUSH_ID, CATEGORY_PUSH.COUNT,
				CATEGORY_PUSH.STARTED_AT)
			.values(tenantId, pushId, count, now)
			.execute();
	}

	public void insertItems(String tenantId, List<PushItem> items) {

		if (items.isEmpty()) {
			return;
		}
		var insert = dsl.insertInto(CATEGORY_PUSH_ITEM, CATEGORY_PUSH_ITEM.COMMAND_ID, CATEGORY_PUSH_ITEM.TENANT_ID,
				CATEGORY_PUSH_ITEM.PUSH_ID, CATEGORY_PUSH_ITEM.ST_ID, CATEGORY_PUSH_ITEM.ACTION,
				CATEGORY_PUSH_ITEM.FIELDS, CATEGORY_PUSH_ITEM.LOCAL_VERSION, CATEGORY_PUSH_ITEM.WAIT_FOR,
				CATEGORY_PUSH_ITEM.STATUS);
		for (var item : items) {
			insert = insert.values(item.commandId(), tenantId, item.pushId(), item.stId(), item.action().name(),
					item.fields().toArray(String[]::new), item.localVersion(), item.waitFor(), item.status());
		}
		insert.execute();
	}

	/**
	 * Records the outcome of a command still awaiting one; empty when it already has one (a redelivered
	 * result) or is unknown, so an outcome is applied at most once.
	 */
	public Optional<PushItem> complete(String tenantId, UUID commandId, String status, @Nullable Integer stStatus,
			@Nullable String message, OffsetDateTime now) {
		return dsl.update(CATEGORY_PUSH_ITEM)
			.set(CATEGORY_PUSH_ITEM.STATUS, status)
			.set(CATEGORY_PUSH_ITEM.ST_STATUS, stStatus)
			.set(CATEGORY_PUSH_ITEM.MESSAGE, message)
			.set(CATEGORY_PUSH_ITEM.COMPLETED_AT, now)
			.where(CATEGORY_PUSH_ITEM.TENANT_ID.eq(tenantId))
			.and(CATEGORY_PUSH_ITEM.COMMAND_ID.eq(commandId))
			.and(CATEGORY_PUSH_ITEM.STATUS.eq(PushItem.SENT))
			.returningResult(ITEM)
			.fetchOptional(Record1::value1);
	}

	/** Releases the commands waiting for {@code createdStId}; returns them, now SENT. */
	public List<PushItem> release(String tenantId, UUID pushId, long createdStId) {
		return dsl.update(CATEGORY_PUSH_ITEM)
			.set(CATEGORY_PUSH_ITEM.STATUS, PushItem.SENT)
			.setNull(CATEGORY_PUSH_ITEM.WAIT_FOR)
			.where(waitingFor(tenantId, pushId, createdStId))
			.returningResult(ITEM)
			.fetch(Record1::value1);
	}

	/** Fails the commands waiting for a create that failed; returns them. */
	public List<PushItem> failWaiting(String tenantId, UUID pushId, long createdStId, String message, OffsetDateTime now) {
		return dsl.update(CATEGORY_PUSH_ITEM)
			.set(CATEGORY_PUSH_ITEM.STATUS, PushItem.FAILED)
			.set(CATEGORY_PUSH_ITEM.MESSAGE, message)
			.set(CATEGORY_PUSH_ITEM.COMPLETED_AT, now)
			.where(waitingFor(tenantId, pushId, createdStId))
			.returningResult(ITEM)
			.fetch(Record1::value1);
	}

	/** The commands of the push still waiting for the create of {@code createdStId}. */
	private static Condition waitingFor(String tenantId, UUID pushId, long createdStId) {
		return CATEGORY_PUSH_ITEM.TENANT_ID.eq(tenantId)
			.and(CATEGORY_PUSH_ITEM.PUSH_ID.eq(pushId))
			.and(CATEGORY_PUSH_ITEM.WAIT_FOR.eq(createdStId))
			.and(CATEGORY_PUSH_ITEM.STATUS.eq(PushItem.WAITING));
	}

	/**
	 * Finishes the push when every command has an outcome, counting successes and failures; returns it
	 * only the one time it finishes.
	 */
	public Optional<PushStatus> finishIfDone(String tenantId, UUID pushId, OffsetDateTime now) {

		var items = CATEGORY_PUSH_ITEM;
		var ofPush = items.TENANT_ID.eq(tenantId).and(items.PUSH_ID.eq(pushId));
		return dsl.update(CATEGORY_PUSH)
			.set(CATEGORY_PUSH.FINISHED_AT, now)
			.set(CATEGORY_PUSH.SUCCESS,
					dsl.select(count()).from(items).where(ofPush).and(items.STATUS.eq(PushItem.SUCCEEDED)).<Integer>asField())
			.set(CATEGORY_PUSH.FAILED,
					dsl.select(count()).from(items).where(ofPush).and(items.STATUS.ne(PushItem.SUCCEEDED)).<Integer>asField())
			.where(CATEGORY_PUSH.TENANT_ID.eq(tenantId))
			.and(CATEGORY_PUSH.PUSH_ID.eq(pushId))
			.and(CATEGORY_PUSH.FINISHED_AT.isNull())
			.and(notExists(selectOne().from(items).where(ofPush).and(items.STATUS.in(PushItem.WAITING, PushItem.SENT))))
			.returningResult(STATUS)
			.fetchOptional(Record1::value1);
	}

	public Optional<PushStatus> status(Tenant tenant, UUID pushId) {
		return dsl.select(STATUS)
			.from(CATEGORY_PUSH)
			.where(CATEGORY_PUSH.TENANT_ID.eq(tenant.id()))
			.and(CATEGORY_PUSH.PUSH_ID.eq(pushId))
			.fetchOptional(Record1::value1);
	}
}
