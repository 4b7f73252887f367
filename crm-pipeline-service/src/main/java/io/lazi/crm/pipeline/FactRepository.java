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
import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
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
class FactRepository {

	private final DSLContext dsl;

	FactRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	void upsert(String tenantId, StBusinessUnit unit) {
		dsl.insertInto(BUSINESS_UNIT, BUSINESS_UNIT.TENANT_ID, BUSINESS_UNIT.ST_ID, BUSINESS_UNIT.NAME,
				BUSINESS_UNIT.ACTIVE, BUSINESS_UNIT.MODIFIED_ON)
			.values(tenantId, unit.id(), unit.name(), unit.active(), at(unit.modifiedOn()))
			.onConflict(BUSINESS_UNIT.TENANT_ID, BUSINESS_UNIT.ST_ID)
			.doUpdate()
			.set(BUSINESS_UNIT.NAME, excluded(BUSINESS_UNIT.NAME))
			.set(BUSINESS_UNIT.ACTIVE, excluded(BUSINESS_UNIT.ACTIVE))
			.set(BUSINESS_UNIT.MODIFIED_ON, excluded(BUSINESS_UNIT.MODIFIED_ON))
			.where(newer(BUSINESS_UNIT.MODIFIED_ON))
			.execute();
	}

	/** Stores the customer as the CRM contact: first email, first mobile (else landline) phone, address. */
	void upsert(String tenantId, StCustomer customer, Instant now) {

		var address = customer.address();
		dsl.insertInto(CONTACT, CONTACT.TENANT_ID, CONTACT.ST_CUSTOMER_ID, CONTACT.ID, CONTACT.NAME, CONTACT.EMAIL,
				CONTACT.PHONE, CONTACT.STREET, CONTACT.CITY, CONTACT.STATE, CONTACT.ZIP, CONTACT.ACTIVE,
				CONTACT.MODIFIED_ON, CONTACT.UPDATED_AT)
			.values(tenantId, customer.id(), contactId(tenantId, customer.id()), customer.name(),
					contact(customer.contacts(), "Email"), phone(customer.contacts()),
					address == null ? null : address.street(), address == null ? null : address.city(),
					address == null ? null : address.state(), address == null ? null : address.zip(), customer.active(),
					at(customer.modifiedOn()), at(now))
			.onConflict(CONTACT.TENANT_ID, CONTACT.ST_CUSTOMER_ID)
			.doUpdate()
			.set(CONTACT.NAME, excluded(CONTACT.NAME))
			.set(CONTACT.EMAIL, excluded(CONTACT.EMAIL))
			.set(CONTACT.PHONE, excluded(CONTACT.PHONE))
			.set(CONTACT.STREET, excluded(CONTACT.STREET))
			.set(CONTACT.CITY, excluded(CONTACT.CITY))
			.set(CONTACT.STATE, excluded(CONTACT.STATE))
			.set(CONTACT.ZIP, excluded(CONTACT.ZIP))
			.set(CONTACT.ACTIVE, excluded(CONTACT.ACTIVE))
			.set(CONTACT.MODIFIED_ON, excluded(CONTACT.MODIFIED_ON))
			.set(CONTACT.UPDATED_AT, excluded(CONTACT.UPDATED_AT))
			.where(newer(CONTACT.MODIFIED_ON))
			.execute();
	}

	void upsert(String tenantId, StLocation location) {

		var address = location.address();
		dsl.insertInto(LOCATION, LOCATION.TENANT_ID, LOCATION.ST_ID, LOCATION.CUSTOMER_ID, LOCATION.NAME,
				LOCATION.STREET, LOCATION.UNIT, LOCATION.CITY, LOCATION.STATE, LOCATION.ZIP, LOCATION.COUNTRY,
				LOCATION.ACTIVE, LOCATION.CREATED_ON, LOCATION.MODIFIED_ON)
			.values(tenantId, location.id(), location.customerId(), location.name(),
					address == null ? null : address.street(), address == null ? null : address.unit(),
					address == null ? null : address.city(), address == null ? null : address.state(),
					address == null ? null : address.zip(), address == null ? null : address.country(),
					location.active(), at(location.createdOn()), at(location.modifiedOn()))
			.onConflict(LOCATION.TENANT_ID, LOCATION.ST_ID)
			.doUpdate()
			.set(LOCATION.CUSTOMER_ID, excluded(LOCATION.CUSTOMER_ID))
			.set(LOCATION.NAME, excluded(LOCATION.NAME))
			.set(LOCATION.STREET, excluded(LOCATION.STREET))
			.set(LOCATION.UNIT, excluded(LOCATION.UNIT))
			.set(LOCATION.CITY, excluded(LOCATION.CITY))
			.set(LOCATION.STATE, excluded(LOCATION.STATE))
			.set(LOCATION.ZIP, excluded(LOCATION.ZIP))
			.set(LOCATION.COUNTRY, excluded(LOCATION.COUNTRY))
			.set(LOCATION.ACTIVE, excluded(LOCATION.ACTIVE))
			.set(LOCATION.CREATED_ON, excluded(LOCATION.CREATED_ON))
			.set(LOCATION.MODIFIED_ON, excluded(LOCATION.MODIFIED_ON))
			.where(newer(LOCATION.MODIFIED_ON))
			.execute();
	}

	void upsert(String tenantId, StJob job) {
		dsl.insertInto(JOB, JOB.TENANT_ID, JOB.ST_ID, JOB.CUSTOMER_ID, JOB.BUSINESS_UNIT_ID, JOB.JOB_NUMBER,
				JOB.JOB_STATUS, JOB.CREATED_ON, JOB.MODIFIED_ON)
			.values(tenantId, job.id(), job.customerId(), job.businessUnitId(), job.jobNumber(), job.jobStatus(),
					at(job.createdOn()), at(job.modifiedOn()))
			.onConflict(JOB.TENANT_ID, JOB.ST_ID)
			.doUpdate()
			.set(JOB.CUSTOMER_ID, excluded(JOB.CUSTOMER_ID))
			.set(JOB.BUSINESS_UNIT_ID, excluded(JOB.BUSINESS_UNIT_ID))
			.set(JOB.JOB_NUMBER, excluded(JOB.JOB_NUMBER))
			.set(JOB.JOB_STATUS, excluded(JOB.JOB_STATUS))
			.set(JOB.CREATED_ON, excluded(JOB.CREATED_ON))
			.set(JOB.MODIFIED_ON, excluded(JOB.MODIFIED_ON))
			.where(newer(JOB.MODIFIED_ON))
			.execute();
	}

	void upsert(String tenantId, StAppointment appointment) {
		dsl.insertInto(APPOINTMENT, APPOINTMENT.TENANT_ID, APPOINTMENT.ST_ID, APPOINTMENT.JOB_ID,
				APPOINTMENT.CUSTOMER_ID, APPOINTMENT.STATUS, APPOINTMENT.MODIFIED_ON)
			.values(tenantId, appointment.id(), appointment.jobId(), appointment.customerId(), appointment.status(),
					at(appointment.modifiedOn()))
			.onConflict(APPOINTMENT.TENANT_ID, APPOINTMENT.ST_ID)
			.doUpdate()
			.set(APPOINTMENT.JOB_ID, excluded(APPOINTMENT.JOB_ID))
			.set(APPOINTMENT.CUSTOMER_ID, excluded(APPOINTMENT.CUSTOMER_ID))
			.set(APPOINTMENT.STATUS, excluded(APPOINTMENT.STATUS))
			.set(APPOINTMENT.MODIFIED_ON, excluded(APPOINTMENT.MODIFIED_ON))
			.where(newer(APPOINTMENT.MODIFIED_ON))
			.execute();
	}

	void upsert(String tenantId, StEstimate estimate) {

		var status = estimate.status();
		dsl.insertInto(ESTIMATE, ESTIMATE.TENANT_ID, ESTIMATE.ST_ID, ESTIMATE.JOB_ID, ESTIMATE.CUSTOMER_ID,
				ESTIMATE.NAME, ESTIMATE.STATUS_VALUE, ESTIMATE.STATUS_NAME, ESTIMATE.SUBTOTAL, ESTIMATE.TAX,
				ESTIMATE.ACTIVE, ESTIMATE.MODIFIED_ON)
			.values(tenantId, estimate.id(), estimate.jobId(), estimate.customerId(), estimate.name(),
					status == null ? null : status.value(), status == null ? null : status.name(), estimate.subtotal(),
					estimate.tax(), estimate.active(), at(estimate.modifiedOn()))
			.onConflict(ESTIMATE.TENANT_ID, ESTIMATE.ST_ID)
			.doUpdate()
			.set(ESTIMATE.JOB_ID, excluded(ESTIMATE.JOB_ID))
			.set(ESTIMATE.CUSTOMER_ID, excluded(ESTIMATE.CUSTOMER_ID))
			.set(ESTIMATE.NAME, excluded(ESTIMATE.NAME))
			.set(ESTIMATE.STATUS_VALUE, excluded(ESTIMATE.STATUS_VALUE))
			.set(ESTIMATE.STATUS_NAME, excluded(ESTIMATE.STATUS_NAME))
			.set(ESTIMATE.SUBTOTAL, excluded(ESTIMATE.SUBTOTAL))
			.set(ESTIMATE.TAX, excluded(ESTIMATE.TAX))
			.set(ESTIMATE.ACTIVE, excluded(ESTIMATE.ACTIVE))
			.set(ESTIMATE.MODIFIED_ON, excluded(ESTIMATE.MODIFIED_ON))
			.where(newer(ESTIMATE.MODIFIED_ON))
			.execute();
	}

	/** Customers with a job in the business unit: a unit's (re)naming can change their pipeline. */
	List<Long> customersOfBusinessUnit(String tenantId, long businessUnitId) {
		return dsl.selectDistinct(JOB.CUSTOMER_ID)
			.from(JOB)
			.where(JOB.TENANT_ID.eq(tenantId))
			.and(JOB.BUSINESS_UNIT_ID.eq(businessUnitId))
			.fetch(JOB.CUSTOMER_ID);
	}

	/** The customer of a stored job, if the job is known. */
	@Nullable Long customerOfJob(String tenantId, long jobId) {
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
