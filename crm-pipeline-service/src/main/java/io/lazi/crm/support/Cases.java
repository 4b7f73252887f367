package io.lazi.crm.support;

import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.SERVICE_CASE;
import static org.jooq.impl.DSL.case_;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectSelectStep;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.record.Actor;
import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.crm.record.Sorts;
import io.lazi.crm.record.Times;
import io.lazi.crm.record.Versions;
import io.lazi.crm.support.CaseViews.CaseFilter;
import io.lazi.crm.support.CaseViews.CaseSpec;
import io.lazi.crm.support.CaseViews.CaseView;
import io.lazi.platform.events.CaseOpened;
import io.lazi.platform.events.Events;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * The tenant's service cases: opened with the next case number and announced on {@code crm.cases}
 * ({@link Events#CRM_CASE_OPENED}) in one transaction, read with their SLA breach, replaced (the SLA follows the
 * priority, {@code resolvedAt} the status) and soft-deleted. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Cases {

	private static final List<String> DONE = Arrays.stream(CaseStatus.values())
		.filter(CaseStatus::done)
		.map(CaseStatus::wire)
		.toList();

	/** Priorities in rising urgency, so that {@code sort=priority,desc} lists urgent cases first. */
	private static final Field<Integer> PRIORITY_RANK = case_(SERVICE_CASE.PRIORITY)
		.when(CasePriority.LOW.wire(), 0)
		.when(CasePriority.MEDIUM.wire(), 1)
		.when(CasePriority.HIGH.wire(), 2)
		.otherwise(3);

	/** Sort fields of the list: the wire name and its column. */
	private static final Map<String, Field<?>> SORTS = Map.of("createdAt", SERVICE_CASE.CREATED_AT, "updatedAt",
			SERVICE_CASE.UPDATED_AT, "caseNumber", SERVICE_CASE.CASE_NUMBER, "slaDueAt", SERVICE_CASE.SLA_DUE_AT,
			"priority", PRIORITY_RANK, "status", SERVICE_CASE.STATUS, "subject", SERVICE_CASE.SUBJECT);

	private final DSLContext dsl;

	private final CaseNumbers numbers;

	private final RelatedRecords related;

	private final Outbox outbox;

	/**
	 * Opens a case: the tenant's next case number, SLA due from now by priority, {@code resolvedAt} now when it is
	 * created resolved or closed, and one {@code crm.case-opened} event.
	 *
	 * @throws InvalidInputException naming {@code accountId} when the account does not exist in the tenant, or
	 *         {@code contactId} when the contact is not one of the account's
	 */
	@Transactional
	public CaseView open(Tenant tenant, CaseSpec spec, Actor actor) {

		checkReferences(tenant, spec);
		var id = UUID.randomUUID();
		var now = Times.now();
		var slaDueAt = now.plus(spec.priority().sla());
		// Last before the insert: the number's row lock is held until commit.
		var number = numbers.take(tenant.id());
		dsl.insertInto(SERVICE_CASE)
			.set(SERVICE_CASE.TENANT_ID, tenant.id())
			.set(SERVICE_CASE.ID, id)
			.set(SERVICE_CASE.CASE_NUMBER, number)
			.set(SERVICE_CASE.TYPE, spec.type().wire())
			.set(SERVICE_CASE.SUBJECT, spec.subject())
			.set(SERVICE_CASE.DESCRIPTION, spec.description())
			.set(SERVICE_CASE.ACCOUNT_ID, spec.accountId())
			.set(SERVICE_CASE.CONTACT_ID, spec.contactId())
			.set(SERVICE_CASE.PRIORITY, spec.priority().wire())
			.set(SERVICE_CASE.STATUS, spec.status().wire())
			.set(SERVICE_CASE.SLA_DUE_AT, slaDueAt)
			.set(SERVICE_CASE.RESOLVED_AT, spec.status().done() ? now : null)
			.set(SERVICE_CASE.OWNER_ID, spec.ownerId())
			.set(SERVICE_CASE.CREATED_BY, actor.id())
			.set(SERVICE_CASE.CREATED_AT, now)
			.set(SERVICE_CASE.UPDATED_AT, now)
			.execute();
		outbox.append(OutgoingEvent.of(Events.CRM_CASE_OPENED, id.toString(),
				new CaseOpened(tenant.id(), id, number, spec.type().wire(), spec.subject(), spec.priority().wire(),
						spec.status().wire(), spec.accountId(), spec.contactId(), slaDueAt.toInstant(), actor.id(),
						now.toInstant())));
		return get(tenant, id);
	}

	/**
	 * One case.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such case (or it was deleted)
	 */
	@Transactional(readOnly = true)
	public CaseView get(Tenant tenant, UUID id) {

		var breached = breached(Times.now());
		return select(breached).from(SERVICE_CASE)
			.where(live(tenant))
			.and(SERVICE_CASE.ID.eq(id))
			.fetchOptional(r -> view(r, breached))
			.orElseThrow(() -> new ResourceNotFoundException("Case", id));
	}

	/**
	 * One page of cases, newest first unless {@code sort} says otherwise.
	 *
	 * @param sort {@code field[,asc|desc]}, field one of createdAt, updatedAt, caseNumber, slaDueAt, priority (by
	 *        urgency), status, subject
	 * @throws InvalidInputException naming {@code sort} for another field or direction
	 */
	@Transactional(readOnly = true)
	public Page<CaseView> list(Tenant tenant, CaseFilter filter, @Nullable String sort, PageRequest page) {

		var order = Sorts.parse(sort, SORTS).orElse(SERVICE_CASE.CREATED_AT.desc());
		var breached = breached(Times.now());
		var where = live(tenant)
			.and(filter.status() == null ? noCondition() : SERVICE_CASE.STATUS.eq(filter.status().wire()))
			.and(filter.priority() == null ? noCondition() : SERVICE_CASE.PRIORITY.eq(filter.priority().wire()))
			.and(filter.accountId() == null ? noCondition() : SERVICE_CASE.ACCOUNT_ID.eq(filter.accountId()))
			.and(filter.ownerId() == null ? noCondition() : SERVICE_CASE.OWNER_ID.eq(filter.ownerId()))
			.and(filter.breached() == null ? noCondition() : filter.breached() ? breached : not(breached));
		var total = dsl.fetchCount(SERVICE_CASE, where);
		var items = select(breached).from(SERVICE_CASE)
			.where(where)
			.orderBy(order, SERVICE_CASE.CASE_NUMBER.desc())
			.limit(page.size())
			.offset(page.offset())
			.fetch(r -> view(r, breached));
		return Page.of(items, page, total);
	}

	/**
	 * Replaces the case's fields: the SLA due time is recomputed from its opening and the (new) priority;
	 * {@code resolvedAt} is set when it becomes resolved or closed (kept from resolved to closed) and cleared when it
	 * is reopened.
	 *
	 * @param expectedVersion from {@code If-Match}; null applies the change to whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such case
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the current version
	 * @throws InvalidInputException naming {@code accountId} or {@code contactId} as {@link #open} does
	 */
	@Transactional
	public CaseView update(Tenant tenant, UUID id, CaseSpec spec, @Nullable Integer expectedVersion) {

		var now = Times.now();
		var exists = dsl.fetchExists(SERVICE_CASE, live(tenant).and(SERVICE_CASE.ID.eq(id)));
		if (!exists) {
			throw new ResourceNotFoundException("Case", id);
		}
		checkReferences(tenant, spec);
		Field<OffsetDateTime> slaDueAt = field("{0} + make_interval(hours => {1})", SERVICE_CASE.SLA_DUE_AT.getDataType(),
				SERVICE_CASE.CREATED_AT, val(spec.priority().slaHours()));
		var updated = dsl.update(SERVICE_CASE)
			.set(SERVICE_CASE.TYPE, spec.type().wire())
			.set(SERVICE_CASE.SUBJECT, spec.subject())
			.set(SERVICE_CASE.DESCRIPTION, spec.description())
			.set(SERVICE_CASE.ACCOUNT_ID, spec.accountId())
			.set(SERVICE_CASE.CONTACT_ID, spec.contactId())
			.set(SERVICE_CASE.PRIORITY, spec.priority().wire())
			.set(SERVICE_CASE.STATUS, spec.status().wire())
			.set(SERVICE_CASE.SLA_DUE_AT, slaDueAt)
			.set(SERVICE_CASE.RESOLVED_AT, spec.status().done() ? coalesce(SERVICE_CASE.RESOLVED_AT, val(now))
					: val((OffsetDateTime) null, SERVICE_CASE.RESOLVED_AT))
			.set(SERVICE_CASE.OWNER_ID, spec.ownerId())
			.set(SERVICE_CASE.VERSION, SERVICE_CASE.VERSION.plus(1))
			.set(SERVICE_CASE.UPDATED_AT, now)
			.where(live(tenant))
			.and(SERVICE_CASE.ID.eq(id))
			.and(expectedVersion == null ? noCondition() : SERVICE_CASE.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 0) {
			throw missingOrStale(tenant, id, expectedVersion);
		}
		return get(tenant, id);
	}

	/**
	 * Soft-deletes the case: it is gone from reads (404) but its number is never reused.
	 *
	 * @param expectedVersion from {@code If-Match}; null deletes whatever is current
	 * @throws ResourceNotFoundException when the tenant has no such case
	 * @throws PreconditionFailedException when {@code expectedVersion} is not the current version
	 */
	@Transactional
	public void delete(Tenant tenant, UUID id, @Nullable Integer expectedVersion) {

		var now = Times.now();
		var deleted = dsl.update(SERVICE_CASE)
			.set(SERVICE_CASE.DELETED_AT, now)
			.set(SERVICE_CASE.VERSION, SERVICE_CASE.VERSION.plus(1))
			.set(SERVICE_CASE.UPDATED_AT, now)
			.where(live(tenant))
			.and(SERVICE_CASE.ID.eq(id))
			.and(expectedVersion == null ? noCondition() : SERVICE_CASE.VERSION.eq(expectedVersion))
			.execute();
		if (deleted == 0) {
			throw missingOrStale(tenant, id, expectedVersion);
		}
	}

	private void checkReferences(Tenant tenant, CaseSpec spec) {

		related.require(tenant.id(), RecordType.ACCOUNT, spec.accountId(), "accountId");
		if (spec.contactId() == null) {
			return;
		}
		var account = dsl.select(CONTACT.ACCOUNT_ID)
			.from(CONTACT)
			.where(CONTACT.TENANT_ID.eq(tenant.id()))
			.and(CONTACT.ID.eq(spec.contactId()))
			.and(CONTACT.DELETED_AT.isNull())
			.fetchOptional(CONTACT.ACCOUNT_ID)
			.orElseThrow(() -> new InvalidInputException("contactId", "contact " + spec.contactId() + " does not exist"));
		if (!account.equals(spec.accountId())) {
			throw new InvalidInputException("contactId",
					"contact " + spec.contactId() + " is not a contact of account " + spec.accountId());
		}
	}

	/** The exception for a change that matched no row: 404 when the case is gone, else 412. */
	private RuntimeException missingOrStale(Tenant tenant, UUID id, @Nullable Integer expectedVersion) {

		var current = dsl.select(SERVICE_CASE.VERSION)
			.from(SERVICE_CASE)
			.where(live(tenant))
			.and(SERVICE_CASE.ID.eq(id))
			.fetchOne(SERVICE_CASE.VERSION);
		if (current == null) {
			return new ResourceNotFoundException("Case", id);
		}
		Versions.check("Case " + id, expectedVersion, current);
		return new PreconditionFailedException("Case " + id, Versions.etag(current));
	}

	private SelectSelectStep<? extends Record> select(Condition breached) {
		return dsl.select(SERVICE_CASE.ID, SERVICE_CASE.CASE_NUMBER, SERVICE_CASE.TYPE, SERVICE_CASE.SUBJECT,
				SERVICE_CASE.DESCRIPTION, SERVICE_CASE.ACCOUNT_ID, SERVICE_CASE.CONTACT_ID, SERVICE_CASE.PRIORITY,
				SERVICE_CASE.STATUS, SERVICE_CASE.SLA_DUE_AT, field(breached).as("breached"), SERVICE_CASE.RESOLVED_AT,
				SERVICE_CASE.OWNER_ID, SERVICE_CASE.VERSION, SERVICE_CASE.CREATED_BY, SERVICE_CASE.CREATED_AT,
				SERVICE_CASE.UPDATED_AT);
	}

	private static CaseView view(Record r, Condition breached) {

		var resolvedAt = r.get(SERVICE_CASE.RESOLVED_AT);
		return new CaseView(r.get(SERVICE_CASE.ID), r.get(SERVICE_CASE.CASE_NUMBER), r.get(SERVICE_CASE.TYPE),
				r.get(SERVICE_CASE.SUBJECT), r.get(SERVICE_CASE.DESCRIPTION), r.get(SERVICE_CASE.ACCOUNT_ID),
				r.get(SERVICE_CASE.CONTACT_ID), r.get(SERVICE_CASE.PRIORITY), r.get(SERVICE_CASE.STATUS),
				r.get(SERVICE_CASE.SLA_DUE_AT).toInstant(), Boolean.TRUE.equals(r.get("breached", Boolean.class)),
				resolvedAt == null ? null : resolvedAt.toInstant(), r.get(SERVICE_CASE.OWNER_ID),
				r.get(SERVICE_CASE.VERSION), r.get(SERVICE_CASE.CREATED_BY), r.get(SERVICE_CASE.CREATED_AT).toInstant(),
				r.get(SERVICE_CASE.UPDATED_AT).toInstant());
	}

	/** Not done and past the SLA due time, as of {@code now}. */
	private static Condition breached(OffsetDateTime now) {
		return SERVICE_CASE.STATUS.notIn(DONE).and(SERVICE_CASE.SLA_DUE_AT.lt(now));
	}

	private static Condition live(Tenant tenant) {
		return SERVICE_CASE.TENANT_ID.eq(tenant.id()).and(SERVICE_CASE.DELETED_AT.isNull());
	}

}
