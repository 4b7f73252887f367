package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.APPOINTMENT;
import static io.lazi.crm.jooq.Tables.BUSINESS_UNIT;
import static io.lazi.crm.jooq.Tables.CUSTOMER;
import static io.lazi.crm.jooq.Tables.ESTIMATE;
import static io.lazi.crm.jooq.Tables.JOB;
import static io.lazi.crm.jooq.Tables.LOCATION;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;

/**
 * Upserts ServiceTitan records into the fact tables, a batch at a time. A stored record is replaced only by one
 * modified at the same time or later, so a late, older copy never overwrites a newer one.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FactRepository {

	/** Business units first: a job's pipeline is read from its unit; jobs before the estimates that name them. */
	private static final List<Table<?>> TABLE_ORDER = List.of(BUSINESS_UNIT, CUSTOMER, LOCATION, JOB, APPOINTMENT,
			ESTIMATE);

	private final DSLContext dsl;

	/**
	 * Stores fetched records, set-based: one {@code INSERT … ON CONFLICT} per fact table, holding per
	 * {@code stId} the copy a sequential apply would have kept (the newest {@code modifiedOn}; of equals, the
	 * later). Returns, for each record in order, the customers whose opportunity it may change.
	 *
	 * @param records {@link StCustomer}, {@link StLocation}, {@link StJob}, {@link StAppointment},
	 *        {@link StEstimate} or {@link StBusinessUnit}
	 * @throws IllegalArgumentException for a record of another kind
	 */
	List<List<Long>> storeAll(String tenantId, List<?> records, OffsetDateTime now) {

		var tables = new LinkedHashMap<Table<?>, Map<Long, Row<?>>>();
		for (var table : TABLE_ORDER) {
			tables.put(table, new TreeMap<>()); // sorted by stId: concurrent writers lock rows in one order
		}
		for (var record : records) {
			var row = row(tenantId, record, now.toInstant());
			tables.get(row.table).merge(row.stIdValue, row, (held, incoming) -> incoming.replaces(held) ? incoming : held);
		}
		tables.values().stream().filter(rows -> !rows.isEmpty()).forEach(rows -> newerWins(List.copyOf(rows.values())));

		var estimateJobs = records.stream()
			.filter(r -> r instanceof StEstimate e && e.customerId() == null && e.jobId() != null)
			.map(r -> ((StEstimate) r).jobId())
			.toList();
		var customerOfJob = estimateJobs.isEmpty() ? Map.<Long, Long>of() : customersOfJobs(tenantId, estimateJobs);
		var units = records.stream().filter(StBusinessUnit.class::isInstance).map(r -> ((StBusinessUnit) r).id()).toList();
		var customersOfUnit = units.isEmpty() ? Map.<Long, List<Long>>of() : customersOfBusinessUnits(tenantId, units);
		return records.stream().<List<Long>>map(record -> switch (record) {
			case StCustomer c -> List.of(c.id());
			case StLocation l -> List.of(); // locations feed the contact view only; no pipeline rule reads them
			case StJob j -> List.of(j.customerId());
			case StAppointment a -> List.of(a.customerId());
			case StEstimate e -> {
				var customer = e.customerId() != null ? e.customerId()
						: e.jobId() == null ? null : customerOfJob.get(e.jobId());
				yield customer == null ? List.of() : List.of(customer);
			}
			case StBusinessUnit u -> customersOfUnit.getOrDefault(u.id(), List.of());
			default -> throw unsupported(record);
		}).toList();
	}

	private Row<?> row(String tenantId, Object record, Instant now) {
		return switch (record) {
			case StCustomer c -> row(tenantId, c, now);
			case StLocation l -> row(tenantId, l);
			case StJob j -> row(tenantId, j);
			case StAppointment a -> row(tenantId, a);
			case StEstimate e -> row(tenantId, e);
			case StBusinessUnit u -> row(tenantId, u);
			default -> throw unsupported(record);
		};
	}

	private static IllegalArgumentException unsupported(Object record) {
		return new IllegalArgumentException("Unsupported record " + record.getClass().getSimpleName());
	}

	private static Row<?> row(String tenantId, StBusinessUnit unit) {
		return new Row<>(BUSINESS_UNIT, BUSINESS_UNIT.TENANT_ID, BUSINESS_UNIT.ST_ID, BUSINESS_UNIT.MODIFIED_ON)
			.key(tenantId, unit.id())
			.set(BUSINESS_UNIT.NAME, unit.name())
			.set(BUSINESS_UNIT.ACTIVE, unit.active())
			.modifiedOn(unit.modifiedOn());
	}

	/** Stores the customer as the CRM contact: first email, first mobile (else landline) phone, address. */
	private static Row<?> row(String tenantId, StCustomer customer, Instant now) {

		var address = customer.address();
		return new Row<>(CUSTOMER, CUSTOMER.TENANT_ID, CUSTOMER.ST_CUSTOMER_ID, CUSTOMER.MODIFIED_ON)
			.key(tenantId, customer.id())
			.insertOnly(CUSTOMER.ID, contactId(tenantId, customer.id()))
			.set(CUSTOMER.NAME, customer.name())
			.set(CUSTOMER.TYPE, customer.type())
			.set(CUSTOMER.EMAIL, contact(customer.contacts(), "Email"))
			.set(CUSTOMER.PHONE, phone(customer.contacts()))
			.set(CUSTOMER.STREET, address == null ? null : address.street())
			.set(CUSTOMER.CITY, address == null ? null : address.city())
			.set(CUSTOMER.STATE, address == null ? null : address.state())
			.set(CUSTOMER.ZIP, address == null ? null : address.zip())
			.set(CUSTOMER.ACTIVE, customer.active())
			.set(CUSTOMER.UPDATED_AT, at(now))
			.modifiedOn(customer.modifiedOn());
	}

	private static Row<?> row(String tenantId, StLocation location) {

		var address = location.address();
		return new Row<>(LOCATION, LOCATION.TENANT_ID, LOCATION.ST_ID, LOCATION.MODIFIED_ON)
			.key(tenantId, location.id())
			.set(LOCATION.CUSTOMER_ID, location.customerId())
			.set(LOCATION.NAME, location.name())
			.set(LOCATION.STREET, address == null ? null : address.street())
			.set(LOCATION.UNIT, address == null ? null : address.unit())
			.set(LOCATION.CITY, address == null ? null : address.city())
			.set(LOCATION.STATE, address == null ? null : address.state())
			.set(LOCATION.ZIP, address == null ? null : address.zip())
			.set(LOCATION.COUNTRY, address == null ? null : address.country())
			.set(LOCATION.ACTIVE, location.active())
			.set(LOCATION.CREATED_ON, at(location.createdOn()))
			.modifiedOn(location.modifiedOn());
	}

	private static Row<?> row(String tenantId, StJob job) {
		return new Row<>(JOB, JOB.TENANT_ID, JOB.ST_ID, JOB.MODIFIED_ON)
			.key(tenantId, job.id())
			.set(JOB.CUSTOMER_ID, job.customerId())
			.set(JOB.BUSINESS_UNIT_ID, job.businessUnitId())
			.set(JOB.JOB_NUMBER, job.jobNumber())
			.set(JOB.JOB_STATUS, job.jobStatus())
			.set(JOB.CREATED_ON, at(job.createdOn()))
			.modifiedOn(job.modifiedOn());
	}

	private static Row<?> row(String tenantId, StAppointment appointment) {
		return new Row<>(APPOINTMENT, APPOINTMENT.TENANT_ID, APPOINTMENT.ST_ID, APPOINTMENT.MODIFIED_ON)
			.key(tenantId, appointment.id())
			.set(APPOINTMENT.JOB_ID, appointment.jobId())
			.set(APPOINTMENT.CUSTOMER_ID, appointment.customerId())
			.set(APPOINTMENT.STATUS, appointment.status())
			.modifiedOn(appointment.modifiedOn());
	}

	private static Row<?> row(String tenantId, StEstimate estimate) {

		var status = estimate.status();
		return new Row<>(ESTIMATE, ESTIMATE.TENANT_ID, ESTIMATE.ST_ID, ESTIMATE.MODIFIED_ON)
			.key(tenantId, estimate.id())
			.set(ESTIMATE.JOB_ID, estimate.jobId())
			.set(ESTIMATE.CUSTOMER_ID, estimate.customerId())
			.set(ESTIMATE.NAME, estimate.name())
			.set(ESTIMATE.STATUS_VALUE, status == null ? null : status.value())
			.set(ESTIMATE.STATUS_NAME, status == null ? null : status.name())
			.set(ESTIMATE.SUBTOTAL, estimate.subtotal())
			.set(ESTIMATE.TAX, estimate.tax())
			.set(ESTIMATE.ACTIVE, estimate.active())
			.modifiedOn(estimate.modifiedOn());
	}

	/** Per business unit, the customers with a job in it: a unit's (re)naming can change their pipeline. */
	private Map<Long, List<Long>> customersOfBusinessUnits(String tenantId, Collection<Long> businessUnitIds) {
		var wanted = IdTable.of("wanted", businessUnitIds);
		return dsl.selectDistinct(JOB.BUSINESS_UNIT_ID, JOB.CUSTOMER_ID)
			.from(wanted.table())
			.join(JOB)
			.on(JOB.TENANT_ID.eq(tenantId).and(JOB.BUSINESS_UNIT_ID.eq(wanted.id())))
			.fetchGroups(JOB.BUSINESS_UNIT_ID, JOB.CUSTOMER_ID);
	}

	/** The customer of each stored job among {@code jobIds}; unknown jobs are absent. */
	private Map<Long, Long> customersOfJobs(String tenantId, Collection<Long> jobIds) {
		var wanted = IdTable.of("wanted", jobIds);
		return dsl.select(JOB.ST_ID, JOB.CUSTOMER_ID)
			.from(wanted.table())
			.join(JOB)
			.on(JOB.TENANT_ID.eq(tenantId).and(JOB.ST_ID.eq(wanted.id())))
			.fetchMap(JOB.ST_ID, JOB.CUSTOMER_ID);
	}

	/** The contact id of a ServiceTitan customer: derived from tenant and customer, so replays keep it. */
	static UUID contactId(String tenantId, long stCustomerId) {
		return UUID.nameUUIDFromBytes(("contact:" + tenantId + ":" + stCustomerId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One {@code INSERT … ON CONFLICT (tenant_id, st_id) DO UPDATE} of rows of one table (distinct
	 * {@code stId}s), each applied only when its incoming {@code modified_on} is not older than the stored one.
	 * The rows travel as one array per column ({@code unnest}): a handful of bind values however many rows,
	 * where a {@code VALUES} list has one per cell.
	 */
	private void newerWins(List<Row<?>> rows) {

		var first = rows.getFirst();
		var fields = List.copyOf(first.inserted.keySet());
		var arrays = new Field<?>[fields.size()];
		var template = new StringJoiner(", ", "unnest(", ")");
		for (var f = 0; f < fields.size(); f++) {
			var field = fields.get(f);
			var values = (Object[]) Array.newInstance(field.getType(), rows.size());
			for (var i = 0; i < rows.size(); i++) {
				values[i] = rows.get(i).inserted.get(field);
			}
			arrays[f] = val(values, field.getDataType().getArrayDataType());
			template.add("{" + f + "}");
		}
		var incoming = table(template.toString(), (Object[]) arrays)
			.as("incoming", fields.stream().map(Field::getName).toArray(String[]::new));
		dsl.insertInto(first.table)
			.columns(fields)
			.select(selectFrom(incoming))
			.onConflict(first.tenantId, first.stId)
			.doUpdate()
			.set(first.updated)
			.where(newer(first.modifiedOn))
			.execute();
	}

	/** The columns of one fact row: its key, insert-only columns, and the columns a newer copy replaces. */
	private static final class Row<R extends Record> {

		private final Table<R> table;

		private final TableField<R, String> tenantId;

		private final TableField<R, Long> stId;

		private final TableField<R, OffsetDateTime> modifiedOn;

		private final Map<Field<?>, @Nullable Object> inserted = new LinkedHashMap<>();

		private final Map<Field<?>, Field<?>> updated = new LinkedHashMap<>();

		private long stIdValue;

		private @Nullable Instant modifiedOnValue;

		Row(Table<R> table, TableField<R, String> tenantId, TableField<R, Long> stId,
				TableField<R, OffsetDateTime> modifiedOn) {
			this.table = table;
			this.tenantId = tenantId;
			this.stId = stId;
			this.modifiedOn = modifiedOn;
		}

		Row<R> key(String tenant, long id) {
			stIdValue = id;
			inserted.put(tenantId, tenant);
			inserted.put(stId, id);
			return this;
		}

		<T> Row<R> insertOnly(Field<T> field, @Nullable T value) {
			inserted.put(field, value);
			return this;
		}

		<T> Row<R> set(Field<T> field, @Nullable T value) {
			inserted.put(field, value);
			updated.put(field, excluded(field));
			return this;
		}

		Row<R> modifiedOn(@Nullable Instant value) {
			modifiedOnValue = value;
			return set(modifiedOn, at(value));
		}

		/** Whether this copy, arriving after {@code held}, replaces it: the rule of {@link #newer}, in memory. */
		boolean replaces(Row<?> held) {
			return held.modifiedOnValue == null || modifiedOnValue == null || !modifiedOnValue.isBefore(held.modifiedOnValue);
		}
	}

	private static Condition newer(Field<OffsetDateTime> stored) {
		return stored.isNull().or(excluded(stored).isNull()).or(excluded(stored).ge(stored));
	}

	private static @Nullable String phone(List<StContact> contacts) {
		var mobile = contact(contacts, "MobilePhone");
		return mobile != null ? mobile : contact(contacts, "Phone");
	}

	private static @Nullable String contact(@Nullable List<StContact> contacts, String type) {
		return contacts == null ? null
				: contacts.stream().filter(c -> type.equalsIgnoreCase(c.type())).map(StContact::value).findFirst()
					.orElse(null);
	}

	static @Nullable OffsetDateTime at(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
