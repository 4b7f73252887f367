package io.lazi.crm.task;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.APPOINTMENT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.ESTIMATE;
import static io.lazi.crm.jooq.Tables.JOB;
import static io.lazi.crm.jooq.Tables.LEAD;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.PIPELINE;
import static io.lazi.crm.jooq.Tables.STAGE;
import static io.lazi.crm.jooq.Tables.STAGE_HISTORY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.lazi.platform.test.TestTokens;

/**
 * The records tasks, activities and timelines point at, written straight into the tables (their own modules are not
 * what these tests are about), and authorised requests of one user of a fresh tenant.
 */
final class CrmRecordFixtures {

	final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final DSLContext dsl;

	CrmRecordFixtures(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A token of {@code user} in this tenant with {@code role}. */
	String token(String user, String role) {
		return TestTokens.user(user, List.of(tenant), List.of(role)).sign();
	}

	/** A request of {@code user} (a MANAGER) in this tenant, with a JSON body when one is given. */
	MockHttpServletRequestBuilder request(String method, String user, @Nullable String body, String path,
			Object... variables) {
		return as(method, token(user, "MANAGER"), tenant, body, path, variables);
	}

	static MockHttpServletRequestBuilder as(String method, String token, String tenant, @Nullable String body,
			String path, Object... variables) {

		var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path, variables)
			.header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + token);
		return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	UUID account(String name, @Nullable Long stCustomerId) {

		var id = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.TENANT_ID, tenant)
			.set(ACCOUNT.ID, id)
			.set(ACCOUNT.NAME, name)
			.set(ACCOUNT.TYPE, "residential")
			.set(ACCOUNT.ST_CUSTOMER_ID, stCustomerId)
			.set(ACCOUNT.SOURCE, stCustomerId == null ? "lazi" : "servicetitan")
			.set(ACCOUNT.CREATED_BY, "test")
			.set(ACCOUNT.CREATED_AT, now)
			.set(ACCOUNT.UPDATED_AT, now)
			.execute();
		return id;
	}

	UUID contact(UUID account, String name) {

		var id = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(CONTACT)
			.set(CONTACT.TENANT_ID, tenant)
			.set(CONTACT.ID, id)
			.set(CONTACT.ACCOUNT_ID, account)
			.set(CONTACT.NAME, name)
			.set(CONTACT.SOURCE, "lazi")
			.set(CONTACT.CREATED_BY, "test")
			.set(CONTACT.CREATED_AT, now)
			.set(CONTACT.UPDATED_AT, now)
			.execute();
		return id;
	}

	UUID lead(String name) {

		var id = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(LEAD)
			.set(LEAD.TENANT_ID, tenant)
			.set(LEAD.ID, id)
			.set(LEAD.NAME, name)
			.set(LEAD.SOURCE, "other")
			.set(LEAD.STATUS, "new")
			.set(LEAD.CREATED_BY, "test")
			.set(LEAD.CREATED_AT, now)
			.set(LEAD.UPDATED_AT, now)
			.execute();
		return id;
	}

	/** A Sales opportunity the pipeline derived from ServiceTitan customer {@code stCustomerId}, at {@code stage}. */
	UUID derivedOpportunity(@Nullable UUID account, long stCustomerId, String stage, Instant at) {

		salesPipeline();
		var id = UUID.randomUUID();
		var time = at.atOffset(ZoneOffset.UTC);
		dsl.insertInto(OPPORTUNITY)
			.set(OPPORTUNITY.TENANT_ID, tenant)
			.set(OPPORTUNITY.ID, id)
			.set(OPPORTUNITY.ST_CUSTOMER_ID, stCustomerId)
			.set(OPPORTUNITY.ACCOUNT_ID, account)
			.set(OPPORTUNITY.PIPELINE, "SALES")
			.set(OPPORTUNITY.STAGE, stage)
			.set(OPPORTUNITY.STATUS, "open")
			.set(OPPORTUNITY.TITLE, "Deck")
			.set(OPPORTUNITY.STAGE_ENTERED_AT, time)
			.set(OPPORTUNITY.CREATED_AT, time)
			.set(OPPORTUNITY.UPDATED_AT, time)
			.execute();
		return id;
	}

	void stageMove(UUID opportunity, @Nullable String from, String to, String reason, String triggerType,
			String triggerId, Instant at) {
		dsl.insertInto(STAGE_HISTORY)
			.set(STAGE_HISTORY.TENANT_ID, tenant)
			.set(STAGE_HISTORY.OPPORTUNITY_ID, opportunity)
			.set(STAGE_HISTORY.FROM_PIPELINE, from == null ? null : "SALES")
			.set(STAGE_HISTORY.FROM_STAGE, from)
			.set(STAGE_HISTORY.TO_PIPELINE, "SALES")
			.set(STAGE_HISTORY.TO_STAGE, to)
			.set(STAGE_HISTORY.REASON, reason)
			.set(STAGE_HISTORY.TRIGGER_TYPE, triggerType)
			.set(STAGE_HISTORY.TRIGGER_ID, triggerId)
			.set(STAGE_HISTORY.MOVED_AT, at.atOffset(ZoneOffset.UTC))
			.execute();
	}

	void job(long stId, long customer, String number, Instant createdOn) {
		dsl.insertInto(JOB)
			.set(JOB.TENANT_ID, tenant)
			.set(JOB.ST_ID, stId)
			.set(JOB.CUSTOMER_ID, customer)
			.set(JOB.BUSINESS_UNIT_ID, 5L)
			.set(JOB.JOB_NUMBER, number)
			.set(JOB.JOB_STATUS, "Scheduled")
			.set(JOB.CREATED_ON, createdOn.atOffset(ZoneOffset.UTC))
			.set(JOB.MODIFIED_ON, createdOn.atOffset(ZoneOffset.UTC))
			.execute();
	}

	void appointment(long stId, long job, long customer, String status, Instant modifiedOn) {
		dsl.insertInto(APPOINTMENT)
			.set(APPOINTMENT.TENANT_ID, tenant)
			.set(APPOINTMENT.ST_ID, stId)
			.set(APPOINTMENT.JOB_ID, job)
			.set(APPOINTMENT.CUSTOMER_ID, customer)
			.set(APPOINTMENT.STATUS, status)
			.set(APPOINTMENT.MODIFIED_ON, modifiedOn.atOffset(ZoneOffset.UTC))
			.execute();
	}

	void estimate(long stId, long job, long customer, String name, String statusName, Instant modifiedOn) {
		dsl.insertInto(ESTIMATE)
			.set(ESTIMATE.TENANT_ID, tenant)
			.set(ESTIMATE.ST_ID, stId)
			.set(ESTIMATE.JOB_ID, job)
			.set(ESTIMATE.CUSTOMER_ID, customer)
			.set(ESTIMATE.NAME, name)
			.set(ESTIMATE.STATUS_NAME, statusName)
			.set(ESTIMATE.SUBTOTAL, new BigDecimal("500.00"))
			.set(ESTIMATE.ACTIVE, true)
			.set(ESTIMATE.MODIFIED_ON, modifiedOn.atOffset(ZoneOffset.UTC))
			.execute();
	}

	/** The Sales pipeline's catalogue rows the opportunities' stages refer to, once per tenant. */
	private void salesPipeline() {

		dsl.insertInto(PIPELINE, PIPELINE.TENANT_ID, PIPELINE.KEY, PIPELINE.NAME, PIPELINE.POSITION)
			.values(tenant, "SALES", "Sales", 0)
			.onConflictDoNothing()
			.execute();
		var stages = List.of("NEW_LEAD:New Lead", "CONTACTED:Contacted", "PROPOSAL_SENT:Proposal Sent",
				"JOB_SOLD:Job Sold");
		for (var i = 0; i < stages.size(); i++) {
			var parts = stages.get(i).split(":");
			dsl.insertInto(STAGE, STAGE.TENANT_ID, STAGE.PIPELINE, STAGE.KEY, STAGE.NAME, STAGE.POSITION, STAGE.MANUAL,
					STAGE.PROTECTED)
				.values(tenant, "SALES", parts[0], parts[1], i, false, false)
				.onConflictDoNothing()
				.execute();
		}
	}
}
