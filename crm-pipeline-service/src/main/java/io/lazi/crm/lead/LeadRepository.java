package io.lazi.crm.lead;

import static io.lazi.crm.jooq.Tables.LEAD;
import static org.jooq.impl.DSL.noCondition;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.crm.record.Sorts;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.PageRequest;

/** Reads and writes the {@code lead} table; every statement is scoped to a tenant and to live (undeleted) rows. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LeadRepository {

	/** The columns a {@link LeadView} is read from (not the generated {@code search}). */
	private static final List<Field<?>> VIEW = List.of(LEAD.ID, LEAD.NAME, LEAD.COMPANY, LEAD.EMAIL, LEAD.PHONE,
			LEAD.STREET, LEAD.CITY, LEAD.STATE, LEAD.ZIP, LEAD.SOURCE, LEAD.STATUS, LEAD.ESTIMATED_VALUE, LEAD.OWNER_ID,
			LEAD.SCORE, LEAD.ST_LEAD_ID, LEAD.ST_STATUS, LEAD.CONVERTED_ACCOUNT_ID, LEAD.CONVERTED_CONTACT_ID,
			LEAD.CONVERTED_OPPORTUNITY_ID, LEAD.CONVERTED_AT, LEAD.CONVERTED_BY, LEAD.VERSION, LEAD.CREATED_BY,
			LEAD.CREATED_AT, LEAD.UPDATED_AT);

	/** The sort fields a listing accepts, by their name in the API. */
	private static final Map<String, Field<?>> SORTS = Map.of("createdAt", LEAD.CREATED_AT, "updatedAt",
			LEAD.UPDATED_AT, "name", DSL.lower(LEAD.NAME), "company", DSL.lower(LEAD.COMPANY), "status", LEAD.STATUS,
			"source", LEAD.SOURCE, "estimatedValue", LEAD.ESTIMATED_VALUE, "score", LEAD.SCORE);

	private final DSLContext dsl;

	/** Inserts a lead a user created, version 1. */
	LeadView insert(String tenantId, UUID id, LeadFields f, String ownerId, String createdBy, OffsetDateTime now) {

		return dsl.insertInto(LEAD)
			.set(LEAD.TENANT_ID, tenantId)
			.set(LEAD.ID, id)
			.set(LEAD.NAME, f.name())
			.set(LEAD.COMPANY, f.company())
			.set(LEAD.EMAIL, f.email())
			.set(LEAD.PHONE, f.phone())
			.set(LEAD.STREET, f.street())
			.set(LEAD.CITY, f.city())
			.set(LEAD.STATE, f.state())
			.set(LEAD.ZIP, f.zip())
			.set(LEAD.SOURCE, (f.source() == null ? LeadSource.OTHER : f.source()).wire())
			.set(LEAD.STATUS, (f.status() == null ? LeadStatus.NEW : f.status()).wire())
			.set(LEAD.ESTIMATED_VALUE, f.estimatedValue())
			.set(LEAD.OWNER_ID, ownerId)
			.set(LEAD.SCORE, f.score())
			.set(LEAD.VERSION, 1)
			.set(LEAD.CREATED_BY, createdBy)
			.set(LEAD.CREATED_AT, now)
			.set(LEAD.UPDATED_AT, now)
			.returningResult(VIEW)
			.fetchSingle(LeadRepository::view);
	}

	/** The live lead {@code id} of the tenant. */
	Optional<LeadView> find(String tenantId, UUID id) {
		return dsl.select(VIEW).from(LEAD).where(live(tenantId)).and(LEAD.ID.eq(id)).fetchOptional(LeadRepository::view);
	}

	/** {@link #find}, with the row locked until the transaction ends: conversions of one lead queue here. */
	Optional<LeadView> lock(String tenantId, UUID id) {
		return dsl.select(VIEW)
			.from(LEAD)
			.where(live(tenantId))
			.and(LEAD.ID.eq(id))
			.forUpdate()
			.fetchOptional(LeadRepository::view);
	}

	/**
	 * One page of the tenant's live leads.
	 *
	 * @param filter from {@link #filter}
	 * @throws InvalidInputException naming {@code sort} when it names no sortable field or direction
	 */
	List<LeadView> page(String tenantId, Condition filter, @Nullable String sort, PageRequest page) {
		return dsl.select(VIEW)
			.from(LEAD)
			.where(live(tenantId))
			.and(filter)
			.orderBy(Sorts.parse(sort, SORTS).orElse(LEAD.CREATED_AT.desc()), LEAD.ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(LeadRepository::view);
	}

	/** How many live leads of the tenant {@code filter} matches. */
	long count(String tenantId, Condition filter) {
		return dsl.fetchCount(LEAD, live(tenantId).and(filter));
	}

	/** The condition of the filters; each null one matches every lead. */
	static Condition filter(@Nullable String tsquery, @Nullable LeadStatus status, @Nullable LeadSource source,
			@Nullable String ownerId) {
		return (tsquery == null ? noCondition()
				: DSL.condition("{0} @@ to_tsquery('simple', {1})", LEAD.SEARCH, DSL.val(tsquery)))
			.and(status == null ? noCondition() : LEAD.STATUS.eq(status.wire()))
			.and(source == null ? noCondition() : LEAD.SOURCE.eq(source.wire()))
			.and(ownerId == null ? noCondition() : LEAD.OWNER_ID.eq(ownerId));
	}

	/**
	 * Replaces the editable fields of a live, unconverted lead whose version is {@code expected} (any when null), and
	 * counts the version up.
	 *
	 * @return the lead as updated; empty when no row matched (missing, converted, or another version)
	 */
	Optional<LeadView> update(String tenantId, UUID id, LeadFields f, @Nullable Integer expected, OffsetDateTime now) {

		return dsl.update(LEAD)
			.set(LEAD.NAME, f.name())
			.set(LEAD.COMPANY, f.company())
			.set(LEAD.EMAIL, f.email())
			.set(LEAD.PHONE, f.phone())
			.set(LEAD.STREET, f.street())
			.set(LEAD.CITY, f.city())
			.set(LEAD.STATE, f.state())
			.set(LEAD.ZIP, f.zip())
			.set(LEAD.SOURCE, f.source() == null ? LEAD.SOURCE : DSL.val(f.source().wire()))
			.set(LEAD.STATUS, f.status() == null ? LEAD.STATUS : DSL.val(f.status().wire()))
			.set(LEAD.ESTIMATED_VALUE, f.estimatedValue())
			.set(LEAD.OWNER_ID, f.ownerId())
			.set(LEAD.SCORE, f.score())
			.set(LEAD.VERSION, LEAD.VERSION.plus(1))
			.set(LEAD.UPDATED_AT, now)
			.where(live(tenantId))
			.and(LEAD.ID.eq(id))
			.and(LEAD.STATUS.ne(LeadStatus.CONVERTED.wire()))
			.and(expected == null ? noCondition() : LEAD.VERSION.eq(expected))
			.returningResult(VIEW)
			.fetchOptional(LeadRepository::view);
	}

	/**
	 * Soft-deletes a live, unconverted lead whose version is {@code expected} (any when null).
	 *
	 * @return whether a row matched
	 */
	boolean delete(String tenantId, UUID id, @Nullable Integer expected, OffsetDateTime now) {
		return dsl.update(LEAD)
			.set(LEAD.DELETED_AT, now)
			.set(LEAD.UPDATED_AT, now)
			.set(LEAD.VERSION, LEAD.VERSION.plus(1))
			.where(live(tenantId))
			.and(LEAD.ID.eq(id))
			.and(LEAD.STATUS.ne(LeadStatus.CONVERTED.wire()))
			.and(expected == null ? noCondition() : LEAD.VERSION.eq(expected))
			.execute() == 1;
	}

	/** Marks a lead (locked by the caller) converted into the three records. */
	LeadView markConverted(String tenantId, UUID id, UUID accountId, UUID contactId, UUID opportunityId, String by,
			OffsetDateTime now) {
		return dsl.update(LEAD)
			.set(LEAD.STATUS, LeadStatus.CONVERTED.wire())
			.set(LEAD.CONVERTED_ACCOUNT_ID, accountId)
			.set(LEAD.CONVERTED_CONTACT_ID, contactId)
			.set(LEAD.CONVERTED_OPPORTUNITY_ID, opportunityId)
			.set(LEAD.CONVERTED_AT, now)
			.set(LEAD.CONVERTED_BY, by)
			.set(LEAD.VERSION, LEAD.VERSION.plus(1))
			.set(LEAD.UPDATED_AT, now)
			.where(LEAD.TENANT_ID.eq(tenantId))
			.and(LEAD.ID.eq(id))
			.returningResult(VIEW)
			.fetchSingle(LeadRepository::view);
	}

	/**
	 * Inserts a ServiceTitan lead seen for the first time (version 1, by {@code servicetitan}).
	 *
	 * @return the lead; empty when the tenant already has one with its ServiceTitan id (deleted ones included)
	 */
	Optional<LeadView> insertFromServiceTitan(String tenantId, StLeadFields st, OffsetDateTime now) {

		var convertedAt = st.status() == LeadStatus.CONVERTED ? st.modifiedOrNow(now) : null;
		return dsl.insertInto(LEAD)
			.set(LEAD.TENANT_ID, tenantId)
			.set(LEAD.ID, UUID.randomUUID())
			.set(LEAD.NAME, st.name())
			.set(LEAD.EMAIL, st.email())
			.set(LEAD.PHONE, st.phone())
			.set(LEAD.SOURCE, LeadSource.OTHER.wire())
			.set(LEAD.STATUS, st.status().wire())
			.set(LEAD.ST_LEAD_ID, st.stLeadId())
			.set(LEAD.ST_STATUS, st.stStatus())
			.set(LEAD.ST_MODIFIED_ON, st.modifiedOn())
			.set(LEAD.CONVERTED_AT, convertedAt)
			.set(LEAD.CONVERTED_BY, convertedAt == null ? null : StLeadFields.SERVICETITAN)
			.set(LEAD.VERSION, 1)
			.set(LEAD.CREATED_BY, StLeadFields.SERVICETITAN)
			.set(LEAD.CREATED_AT, st.createdOn() == null ? now : st.createdOn())
			.set(LEAD.UPDATED_AT, now)
			.onConflict(LEAD.TENANT_ID, LEAD.ST_LEAD_ID)
			.doNothing()
			.returningResult(VIEW)
			.fetchOptional(LeadRepository::view);
	}

	/** The tenant's lead with ServiceTitan id {@code stLeadId} (deleted ones included), locked; null when none. */
	@Nullable StLeadState lockServiceTitan(String tenantId, long stLeadId) {
		return dsl.select(LEAD.ID, LEAD.STATUS, LEAD.ST_MODIFIED_ON, LEAD.CONVERTED_OPPORTUNITY_ID, LEAD.CONVERTED_AT,
				LEAD.CONVERTED_BY)
			.from(LEAD)
			.where(LEAD.TENANT_ID.eq(tenantId))
			.and(LEAD.ST_LEAD_ID.eq(stLeadId))
			.forUpdate()
			.fetchOne(r -> new StLeadState(r.value1(), LeadStatus.fromWire(r.value2()), r.value3(), r.value4() != null,
					r.value5(), r.value6()));
	}

	/** Writes what ServiceTitan says of a lead (locked by the caller) and counts its version up. */
	void updateFromServiceTitan(String tenantId, UUID id, StLeadFields st, LeadStatus status,
			@Nullable OffsetDateTime convertedAt, @Nullable String convertedBy, OffsetDateTime now) {
		dsl.update(LEAD)
			.set(LEAD.NAME, st.name())
			.set(LEAD.EMAIL, st.email())
			.set(LEAD.PHONE, st.phone())
			.set(LEAD.STATUS, status.wire())
			.set(LEAD.ST_STATUS, st.stStatus())
			.set(LEAD.ST_MODIFIED_ON, st.modifiedOn())
			.set(LEAD.CONVERTED_AT, convertedAt)
			.set(LEAD.CONVERTED_BY, convertedBy)
			.set(LEAD.VERSION, LEAD.VERSION.plus(1))
			.set(LEAD.UPDATED_AT, now)
			.where(LEAD.TENANT_ID.eq(tenantId))
			.and(LEAD.ID.eq(id))
			.execute();
	}

	/**
	 * What the ServiceTitan ingest needs of a stored lead.
	 *
	 * @param convertedInLazi converted by a conversion (it has the converted records' ids)
	 */
	record StLeadState(UUID id, LeadStatus status, @Nullable OffsetDateTime stModifiedOn, boolean convertedInLazi,
			@Nullable OffsetDateTime convertedAt, @Nullable String convertedBy) {
	}

	private static Condition live(String tenantId) {
		return LEAD.TENANT_ID.eq(tenantId).and(LEAD.DELETED_AT.isNull());
	}

	static LeadView view(Record r) {
		return new LeadView(r.get(LEAD.ID), r.get(LEAD.NAME), r.get(LEAD.COMPANY), r.get(LEAD.EMAIL),
				r.get(LEAD.PHONE), r.get(LEAD.STREET), r.get(LEAD.CITY), r.get(LEAD.STATE), r.get(LEAD.ZIP),
				r.get(LEAD.SOURCE), r.get(LEAD.STATUS), r.get(LEAD.ESTIMATED_VALUE), r.get(LEAD.OWNER_ID),
				r.get(LEAD.SCORE), r.get(LEAD.ST_LEAD_ID), r.get(LEAD.ST_STATUS), r.get(LEAD.CONVERTED_ACCOUNT_ID),
				r.get(LEAD.CONVERTED_CONTACT_ID), r.get(LEAD.CONVERTED_OPPORTUNITY_ID), instant(r.get(LEAD.CONVERTED_AT)),
				r.get(LEAD.CONVERTED_BY), r.get(LEAD.VERSION), r.get(LEAD.CREATED_BY),
				r.get(LEAD.CREATED_AT).toInstant(), r.get(LEAD.UPDATED_AT).toInstant());
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}
}
