package io.lazi.field.record;

import static io.lazi.field.jooq.Tables.FIELD_RECORD;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.jooq.Sequences;
import io.lazi.field.jooq.tables.records.FieldRecordRecord;
import io.lazi.platform.web.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code field_record} table: every record of every kind, from the mirror and Lazi's own, read as a
 * {@link Provider} shows them. Set-based; callers hold the transaction. Reads filter by tenant always.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RecordStore {

	private static final io.lazi.field.jooq.tables.FieldRecord R = FIELD_RECORD;

	private static final io.lazi.field.jooq.tables.FieldRecord LAZI = FIELD_RECORD.as("lazi_copy");

	private final DSLContext dsl;

	private final JsonMapper json;

	/** The record {@code id} of {@code kind} as {@code provider} shows it; empty when it shows none. */
	public <T> Optional<Stored<T>> find(String tenant, Kind kind, long id, Provider provider, Class<T> type) {

		return dsl.selectFrom(R)
			.where(R.TENANT_ID.eq(tenant), R.KIND.eq(kind.wire()), R.ID.eq(id), visible(provider))
			.fetchOptional()
			.map(row -> stored(row, type));
	}

	/** The records {@code filter} keeps, as {@code provider} shows them, one page in {@code sort} order. */
	public <T> List<Stored<T>> list(String tenant, Kind kind, Provider provider, Class<T> type, Filter filter, Sort sort,
			PageRequest page) {

		return dsl.selectFrom(R)
			.where(R.TENANT_ID.eq(tenant), R.KIND.eq(kind.wire()), visible(provider), matching(filter))
			.orderBy(order(sort))
			.limit(page.size())
			.offset(page.offset())
			.fetch(row -> stored(row, type));
	}

	/** Every record {@code filter} keeps, as {@code provider} shows them, in {@code sort} order. */
	public <T> List<Stored<T>> all(String tenant, Kind kind, Provider provider, Class<T> type, Filter filter, Sort sort) {

		return dsl.selectFrom(R)
			.where(R.TENANT_ID.eq(tenant), R.KIND.eq(kind.wire()), visible(provider), matching(filter))
			.orderBy(order(sort))
			.fetch(row -> stored(row, type));
	}

	/** How many records {@code filter} keeps, as {@code provider} shows them. */
	public long count(String tenant, Kind kind, Provider provider, Filter filter) {
		return dsl.fetchCount(R, R.TENANT_ID.eq(tenant).and(R.KIND.eq(kind.wire())).and(visible(provider)).and(matching(filter)));
	}

	/**
	 * Writes ServiceTitan records into the mirror, newest {@code modifiedOn} winning: a row changes only when its
	 * payload differs and it is not older than the stored one; re-applying a record changes nothing. Rows of one
	 * id keep the newest.
	 *
	 * @param rows rows of any kinds
	 * @return the rows that changed, each with the payload it replaced (null when it is new), in {@code rows} order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Change> upsertMirror(String tenant, List<Row> rows, Instant now) {

		var newest = new LinkedHashMap<String, Row>();
		for (var row : rows) {
			newest.merge(row.kind().wire() + ":" + row.id(), row, (old, fresh) -> older(fresh, old) ? old : fresh);
		}
		var byKind = new LinkedHashMap<Kind, List<Row>>();
		newest.values().forEach(row -> byKind.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row));
		var changes = new ArrayList<Change>();
		byKind.forEach((kind, ofKind) -> changes.addAll(upsertMirror(tenant, kind, ofKind, now)));
		return changes;
	}

	private List<Change> upsertMirror(String tenant, Kind kind, List<Row> rows, Instant now) {

		var ids = rows.stream().map(Row::id).toList();
		var before = new HashMap<Long, Object>();
		dsl.select(R.ID, R.PAYLOAD)
			.from(R)
			.where(R.TENANT_ID.eq(tenant), R.KIND.eq(kind.wire()), R.SOURCE.eq(Source.SERVICETITAN.wire()), R.ID.in(ids))
			.orderBy(R.ID)
			.forUpdate()
			.forEach(r -> before.put(r.value1(), payload(r.value2(), kind.type())));
		var insert = dsl.insertInto(R, R.TENANT_ID, R.KIND, R.SOURCE, R.ID, R.PAYLOAD, R.ACTIVE, R.DELETED, R.MODIFIED_ON,
				R.CUSTOMER_ID, R.LOCATION_ID, R.JOB_ID, R.APPOINTMENT_ID, R.TECHNICIAN_ID, R.SEARCH, R.STARTS_AT, R.ENDS_AT,
				R.UPDATED_AT);
		for (var row : rows) {
			insert = insert.values(tenant, kind.wire(), Source.SERVICETITAN.wire(), row.id(), jsonb(row.payload()),
					row.active(), false, time(row.modifiedOn()), row.customerId(), row.locationId(), row.jobId(),
					row.appointmentId(), row.technicianId(), row.search(), time(row.startsAt()), time(row.endsAt()),
					time(now));
		}
		var changed = insert.onConflict(R.TENANT_ID, R.KIND, R.SOURCE, R.ID)
			.doUpdate()
			.set(columnsFromExcluded())
			.where(DSL.excluded(R.PAYLOAD).ne(R.PAYLOAD)
				.and(DSL.not(DSL.excluded(R.MODIFIED_ON).isNotNull()
					.and(R.MODIFIED_ON.isNotNull())
					.and(DSL.excluded(R.MODIFIED_ON).lt(R.MODIFIED_ON)))))
			.returning(R.ID)
			.fetchSet(R.ID);
		return rows.stream()
			.filter(row -> changed.contains(row.id()))
			.map(row -> new Change(row, before.get(row.id())))
			.toList();
	}

	/**
	 * Writes a Lazi-owned record: creates it, or replaces the Lazi record of that id (un-deleting it).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void saveLazi(String tenant, Row row, Instant now) {

		dsl.insertInto(R, R.TENANT_ID, R.KIND, R.SOURCE, R.ID, R.PAYLOAD, R.ACTIVE, R.DELETED, R.MODIFIED_ON,
				R.CUSTOMER_ID, R.LOCATION_ID, R.JOB_ID, R.APPOINTMENT_ID, R.TECHNICIAN_ID, R.SEARCH, R.STARTS_AT, R.ENDS_AT,
				R.UPDATED_AT)
			.values(tenant, row.kind().wire(), Source.LAZI.wire(), row.id(), jsonb(row.payload()), row.active(), false,
					time(row.modifiedOn()), row.customerId(), row.locationId(), row.jobId(), row.appointmentId(),
					row.technicianId(), row.search(), time(row.startsAt()), time(row.endsAt()), time(now))
			.onConflict(R.TENANT_ID, R.KIND, R.SOURCE, R.ID)
			.doUpdate()
			.set(columnsFromExcluded())
			.set(R.DELETED, false)
			.execute();
	}

	/**
	 * Deletes a Lazi-owned record softly: it stays for references, hidden from reads (and, in hybrid mode, hides the
	 * mirror's record of the same id).
	 *
	 * @return whether there was such a record, not yet deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean deleteLazi(String tenant, Kind kind, long id, Instant now) {

		return dsl.update(R)
			.set(R.DELETED, true)
			.set(R.UPDATED_AT, time(now))
			.where(R.TENANT_ID.eq(tenant), R.KIND.eq(kind.wire()), R.SOURCE.eq(Source.LAZI.wire()), R.ID.eq(id),
					R.DELETED.isFalse())
			.execute() == 1;
	}

	/**
	 * Copies the mirror's records of {@code kinds} into Lazi-owned records under the same ids, leaving alone those
	 * that already have a Lazi record.
	 *
	 * @return how many were copied
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int copyMirrorToLazi(String tenant, Collection<Kind> kinds, Instant now) {

		var wires = kinds.stream().map(Kind::wire).toList();
		return dsl.insertInto(R, R.TENANT_ID, R.KIND, R.SOURCE, R.ID, R.PAYLOAD, R.ACTIVE, R.DELETED, R.MODIFIED_ON,
				R.CUSTOMER_ID, R.LOCATION_ID, R.JOB_ID, R.APPOINTMENT_ID, R.TECHNICIAN_ID, R.SEARCH, R.STARTS_AT, R.ENDS_AT,
				R.UPDATED_AT)
			.select(DSL.select(R.TENANT_ID, R.KIND, DSL.val(Source.LAZI.wire()), R.ID, R.PAYLOAD, R.ACTIVE, DSL.val(false),
					R.MODIFIED_ON, R.CUSTOMER_ID, R.LOCATION_ID, R.JOB_ID, R.APPOINTMENT_ID, R.TECHNICIAN_ID, R.SEARCH,
					R.STARTS_AT, R.ENDS_AT, DSL.val(time(now)))
				.from(R)
				.where(R.TENANT_ID.eq(tenant), R.KIND.in(wires), R.SOURCE.eq(Source.SERVICETITAN.wire())))
			.onConflictDoNothing()
			.execute();
	}

	/** A new id for a Lazi-owned record (from {@code 900000000000000} up). */
	@Transactional(propagation = Propagation.MANDATORY)
	public long nextLaziId() {
		return dsl.nextval(Sequences.LAZI_RECORD_ID);
	}

	/** A row that {@link #upsertMirror} changed, with the payload it replaced (null when it is new). */
	public record Change(Row row, @Nullable Object before) {
	}

	private Condition visible(Provider provider) {

		var lazi = R.SOURCE.eq(Source.LAZI.wire()).and(R.DELETED.isFalse());
		return switch (provider) {
			case SERVICETITAN -> R.SOURCE.eq(Source.SERVICETITAN.wire());
			case LAZI -> lazi;
			case HYBRID -> lazi.or(R.SOURCE.eq(Source.SERVICETITAN.wire())
				.andNotExists(DSL.selectOne()
					.from(LAZI)
					.where(LAZI.TENANT_ID.eq(R.TENANT_ID), LAZI.KIND.eq(R.KIND), LAZI.SOURCE.eq(Source.LAZI.wire()),
							LAZI.ID.eq(R.ID))));
		};
	}

	private static Condition matching(Filter filter) {

		var conditions = new ArrayList<Condition>();
		if (filter.customerId() != null) {
			conditions.add(R.CUSTOMER_ID.eq(filter.customerId()));
		}
		if (filter.locationId() != null) {
			conditions.add(R.LOCATION_ID.eq(filter.locationId()));
		}
		if (filter.jobId() != null) {
			conditions.add(R.JOB_ID.eq(filter.jobId()));
		}
		if (filter.appointmentId() != null) {
			conditions.add(R.APPOINTMENT_ID.eq(filter.appointmentId()));
		}
		if (filter.technicianId() != null) {
			conditions.add(R.TECHNICIAN_ID.eq(filter.technicianId()));
		}
		if (filter.search() != null) {
			Arrays.stream(filter.search().toLowerCase(Locale.ROOT).split("\\s+"))
				.filter(word -> !word.isEmpty())
				.forEach(word -> conditions.add(R.SEARCH.contains(word)));
		}
		if (filter.from() != null) {
			conditions.add(DSL.coalesce(R.ENDS_AT, R.STARTS_AT).ge(time(filter.from())));
		}
		if (filter.to() != null) {
			conditions.add(R.STARTS_AT.lt(time(filter.to())));
		}
		if (filter.activeOnly()) {
			conditions.add(R.ACTIVE.isTrue());
		}
		if (filter.ids() != null) {
			conditions.add(R.ID.in(filter.ids()));
		}
		if (filter.appointmentIds() != null) {
			conditions.add(R.APPOINTMENT_ID.in(filter.appointmentIds()));
		}
		filter.attributes().forEach((name, value) -> conditions.add(DSL.jsonbGetAttributeAsText(R.PAYLOAD, name).eq(value)));
		return DSL.and(conditions);
	}

	private static List<SortField<?>> order(Sort sort) {
		return switch (sort) {
			case ID -> List.of(R.ID.asc(), R.SOURCE.asc());
			case START -> List.of(R.STARTS_AT.asc().nullsLast(), R.ID.asc());
			case NEWEST -> List.of(R.MODIFIED_ON.desc().nullsLast(), R.ID.desc());
		};
	}

	private static Map<org.jooq.Field<?>, org.jooq.Field<?>> columnsFromExcluded() {

		var set = new LinkedHashMap<org.jooq.Field<?>, org.jooq.Field<?>>();
		for (var column : List.of(R.PAYLOAD, R.ACTIVE, R.MODIFIED_ON, R.CUSTOMER_ID, R.LOCATION_ID, R.JOB_ID,
				R.APPOINTMENT_ID, R.TECHNICIAN_ID, R.SEARCH, R.STARTS_AT, R.ENDS_AT, R.UPDATED_AT)) {
			set.put(column, DSL.excluded(column));
		}
		return set;
	}

	private <T> Stored<T> stored(FieldRecordRecord row, Class<T> type) {
		return new Stored<>(Source.of(row.getSource()), row.getId(), payload(row.getPayload(), type),
				row.getUpdatedAt().toInstant());
	}

	private <T> T payload(JSONB payload, Class<T> type) {
		return json.readValue(payload.data(), type);
	}

	private JSONB jsonb(Object payload) {
		return JSONB.valueOf(json.writeValueAsString(payload));
	}

	private static boolean older(Row a, Row b) {
		return a.modifiedOn() != null && b.modifiedOn() != null && a.modifiedOn().isBefore(b.modifiedOn());
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
