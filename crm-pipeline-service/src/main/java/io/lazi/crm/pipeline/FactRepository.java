package io.lazi.crm.pipeline;

import static io.lazi.crm.jooq.Tables.APPOINTMENT;
import static io.lazi.crm.jooq.Tables.BUSINESS_UNIT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.ESTIMATE;
import static io.lazi.crm.jooq.Tables.JOB;
import static io.lazi.crm.jooq.Tables.LOCATION;
import static org.jooq.impl.DSL.excluded;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Upserts ServiceTitan records into the fact tables. A stored record is replaced only by one modified
 * at the same time or later, so a late, older copy never overwrites a newer one.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FactRepository {

	private final DSLContext dsl;

	/**
	 * Stores one fetched record; returns the customers whose opportunity it may change.
	 *
	 * @throws IllegalArgumentException for a record of another kind
	 */
	List<Long> store(String tenantId, Object record, OffsetDateTime now) {
		return switch (record) {
			case StCustomer c -> {
				upsert(tenantId, c, now.toInstant());
				yield List.of(c.id());
			}
			case StLocation l -> {
				// Locations feed the contact view only; no pipeline rule reads them.
				upsert(tenantId, l);
				yield List.of();
			}
			case StJob j -> {
				upsert(tenantId, j);
				yield List.of(j.customerId());
			}
			case StAppointment a -> {
				upsert(tenantId, a);
				yield List.of(a.customerId());
			}
			case StEstimate e -> {
				upsert(tenantId, e);
				var customer = e.customerId() != null ? e.customerId()
						: e.jobId() == null ? null : customerOfJob(tenantId, e.jobId());
				yield customer == null ? List.of() : List.of(customer);
			}
			case StBusinessUnit u -> {
				upsert(tenantId, u);
				yield customersOfBusinessUnit(tenantId, u.id());
			}
			default -> throw new IllegalArgumentException("Unsupported record " + record.getClass().getSimpleName());
		};
	}

	private void upsert(String tenantId, StBusinessUnit unit) {
		newerWins(new Row<>(BUSINESS_UNIT, BUSINESS_UNIT.TENANT_ID, BUSINESS_UNIT.ST_ID, BUSINESS_UNIT.MODIFIED_ON)
			.key(tenantId, unit.id())
			.set(BUSINESS_UNIT.NAME, unit.name())
			.set(BUSINESS_UNIT.ACTIVE, unit.active())
			.modifiedOn(unit.modifiedOn()));
	}

	/** Stores the customer as the CRM contact: first email, first mobile (else landline) phone, address. */
	private void upsert(String tenantId, StCustomer customer, Instant now) {

		var address = customer.address();
		newerWins(new Row<>(CONTACT, CONTACT.TENANT_ID, CONTACT.ST_CUSTOMER_ID, CONTACT.MODIFIED_ON)
			.key(tenantId, customer.id())
			.insertOnly(CONTACT.ID, contactId(tenantId, customer.id()))
			.set(CONTACT.NAME, customer.name())
			.set(CONTACT.EMAIL, contact(customer.contacts(), "Email"))
			.set(CONTACT.PHONE, phone(customer.contacts()))
			.set(CONTACT.STREET, address == null ? null : address.street())
			.set(CONTACT.CITY, address == null ? null : address.city())
			.set(CONTACT.STATE, address == null ? null : address.state())
			.set(CONTACT.ZIP, address == null ? null : address.zip())
			.set(CONTACT.ACTIVE, customer.active())
			.set(CONTACT.UPDATED_AT, at(now))
			.modifiedOn(customer.modifiedOn()));
	}

	private void upsert(String tenantId, StLocation location) {

		var address = location.address();
		newerWins(new Row<>(LOCATION, LOCATION.TENANT_ID, LOCATION.ST_ID, LOCATION.MODIFIED_ON)
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
			.modifiedOn(location.modifiedOn()));
	}

	private void upsert(String tenantId, StJob job) {
		newerWins(new Row<>(JOB, JOB.TENANT_ID, JOB.ST_ID, JOB.MODIFIED_ON)
			.key(tenantId, job.id())
			.set(JOB.CUSTOMER_ID, job.customerId())
			.set(JOB.BUSINESS_UNIT_ID, job.businessUnitId())
			.set(JOB.JOB_NUMBER, job.jobNumber())
			.set(JOB.JOB_STATUS, job.jobStatus())
			.set(JOB.CREATED_ON, at(job.createdOn()))
			.modifiedOn(job.modifiedOn()));
	}

	private void upsert(String tenantId, StAppointment appointment) {
		newerWins(new Row<>(APPOINTMENT, APPOINTMENT.TENANT_ID, APPOINTMENT.ST_ID, APPOINTMENT.MODIFIED_ON)
			.key(tenantId, appointment.id())
			.set(APPOINTMENT.JOB_ID, appointment.jobId())
			.set(APPOINTMENT.CUSTOMER_ID, appointment.customerId())
			.set(APPOINTMENT.STATUS, appointment.status())
			.modifiedOn(appointment.modifiedOn()));
	}

	private void upsert(String tenantId, StEstimate estimate) {

		var status = estimate.status();
		newerWins(new Row<>(ESTIMATE, ESTIMATE.TENANT_ID, ESTIMATE.ST_ID, ESTIMATE.MODIFIED_ON)
			.key(tenantId, estimate.id())
			.set(ESTIMATE.JOB_ID, estimate.jobId())
			.set(ESTIMATE.CUSTOMER_ID, estimate.customerId())
			.set(ESTIMATE.NAME, estimate.name())
			.set(ESTIMATE.STATUS_VALUE, status == null ? null : status.value())
			.set(ESTIMATE.STATUS_NAME, status == null ? null : status.name())
			.set(ESTIMATE.SUBTOTAL, estimate.subtotal())
			.set(ESTIMATE.TAX, estimate.tax())
			.set(ESTIMATE.ACTIVE, estimate.active())
			.modifiedOn(estimate.modifiedOn()));
	}

	/** Customers with a job in the business unit: a unit's (re)naming can change their pipeline. */
	private List<Long> customersOfBusinessUnit(String tenantId, long businessUnitId) {
		return dsl.selectDistinct(JOB.CUSTOMER_ID)
			.from(JOB)
			.where(JOB.TENANT_ID.eq(tenantId))
			.and(JOB.BUSINESS_UNIT_ID.eq(businessUnitId))
			.fetch(JOB.CUSTOMER_ID);
	}

	/** The customer of a stored job, if the job is known. */
	private @Nullable Long customerOfJob(String tenantId, long jobId) {
		return dsl.select(JOB.CUSTOMER_ID)
			.from(JOB)
			.where(JOB.TENANT_ID.eq(tenantId))
			.and(JOB.ST_ID.eq(jobId))
			.fetchOne(JOB.CUSTOMER_ID);
	}

	/** The contact id of a ServiceTitan customer: derived from tenant and customer, so replays keep it. */
	static UUID contactId(String tenantId, long stCustomerId) {
		return UUID.nameUUIDFromBytes(("contact:" + tenantId + ":" + stCustomerId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One {@code INSERT … ON CONFLICT (tenant_id, st_id) DO UPDATE} of the row's updatable columns,
	 * applied only when the incoming {@code modified_on} is not older than the stored one.
	 */
	private void newerWins(Row<?> row) {
		dsl.insertInto(row.table)
			.set(row.inserted)
			.onConflict(row.tenantId, row.stId)
			.doUpdate()
			.set(row.updated)
			.where(newer(row.modifiedOn))
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

		Row(Table<R> table, TableField<R, String> tenantId, TableField<R, Long> stId,
				TableField<R, OffsetDateTime> modifiedOn) {
			this.table = table;
			this.tenantId = tenantId;
			this.stId = stId;
			this.modifiedOn = modifiedOn;
		}

		Row<R> key(String tenant, long id) {
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
			return set(modifiedOn, at(value));
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
