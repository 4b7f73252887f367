package io.lazi.pricebook.category.push.internal;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;
import static io.lazi.pricebook.jooq.Tables.CATEGORY_PUSH_ITEM;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.push.PushFailure;

/** The failed pushes of pending items. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PushErrorRepository {

	/** The columns {@link #failure(Record)} reads. */
	private static final List<SelectField<?>> FAILURE = List.of(CATEGORY.ST_ID, CATEGORY.NAME,
			CATEGORY.PUSH_ERROR_STATUS, CATEGORY.PUSH_ERROR_MESSAGE, CATEGORY.PUSH_ERROR_AT, CATEGORY.PUSH_ERROR_PUSH_ID,
			CATEGORY_PUSH_ITEM.COMMAND_ID, CATEGORY_PUSH_ITEM.ACTION);

	private final DSLContext dsl;

	/** Pending items whose last push failed, most recent failure first. */
	public List<PushFailure> failures(Tenant tenant) {
		return failures(CATEGORY.TENANT_ID.eq(tenant.id()).and(CATEGORY.PUSH_ERROR_AT.isNotNull()))
			.orderBy(CATEGORY.PUSH_ERROR_AT.desc(), CATEGORY.ST_ID)
			.fetch(PushErrorRepository::failure);
	}

	/** The failure recorded under command {@code id}, if it is still the item's last one. */
	public Optional<PushFailure> failure(Tenant tenant, UUID id) {
		return failures(CATEGORY.TENANT_ID.eq(tenant.id()).and(CATEGORY.PUSH_ERROR_COMMAND_ID.eq(id)))
			.fetchOptional(PushErrorRepository::failure);
	}

	/** Items with their last failed command, where {@code condition} holds. */
	private SelectConditionStep<Record> failures(Condition condition) {
		return dsl.select(FAILURE)
			.from(CATEGORY)
			.join(CATEGORY_PUSH_ITEM)
			.on(CATEGORY_PUSH_ITEM.COMMAND_ID.eq(CATEGORY.PUSH_ERROR_COMMAND_ID))
			.and(CATEGORY_PUSH_ITEM.TENANT_ID.eq(CATEGORY.TENANT_ID))
			.where(condition);
	}

	private static PushFailure failure(Record r) {

		var action = CommandAction.valueOf(r.get(CATEGORY_PUSH_ITEM.ACTION));
		var status = r.get(CATEGORY.PUSH_ERROR_STATUS);
		var message = r.get(CATEGORY.PUSH_ERROR_MESSAGE);
		return new PushFailure(r.get(CATEGORY_PUSH_ITEM.COMMAND_ID), r.get(CATEGORY.ST_ID), r.get(CATEGORY.NAME), action,
				status, message, r.get(CATEGORY.PUSH_ERROR_AT).toInstant(), r.get(CATEGORY.PUSH_ERROR_PUSH_ID),
				PushFailure.fix(action, status, message));
	}
}
