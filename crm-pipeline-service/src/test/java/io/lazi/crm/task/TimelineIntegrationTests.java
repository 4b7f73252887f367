package io.lazi.crm.task;

import static io.lazi.crm.task.CrmRecordFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.lazi.crm.CrmIntegrationTest;

/**
 * Timelines ({@code GET /api/crm/{type}/{id}/timeline}) of an account with a ServiceTitan customer, its contact and
 * derived opportunity, and a lead: activities, tasks, stage moves and ServiceTitan facts, newest first, paged.
 */
@CrmIntegrationTest
class TimelineIntegrationTests {

	private static final long CUSTOMER = 555;

	private final MockMvc mvc;

	private final DSLContext dsl;

	private final CrmRecordFixtures records;

	/** Ten days ago, whole seconds: everything but the tasks (which happen now) is hours after it. */
	private final Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	TimelineIntegrationTests(MockMvc mvc, DSLContext dsl) {
		this.mvc = mvc;
		this.dsl = dsl;
		this.records = new CrmRecordFixtures(dsl);
	}

	@Test
	void mergesAnAccountsActivitiesTasksStageMovesAndServiceTitanFactsNewestFirstInPages() throws Exception {

		var account = records.account("Sam Deck", CUSTOMER);
		var contact = records.contact(account, "Sam");
		var opportunity = records.derivedOpportunity(account, CUSTOMER, "JOB_SOLD", hours(9));
		records.stageMove(opportunity, null, "NEW_LEAD", "customer-created", "customer", "555", hours(1));
		records.stageMove(opportunity, "NEW_LEAD", "PROPOSAL_SENT", "estimate-open", "estimate", "91", hours(5));
		records.stageMove(opportunity, "PROPOSAL_SENT", "JOB_SOLD", "manual", "user", "ann", hours(9));
		records.job(90, CUSTOMER, "J-90", hours(2));
		records.appointment(95, 90, CUSTOMER, "Scheduled", hours(3));
		records.estimate(92, 90, CUSTOMER, "Pergola", "Open", hours(4));
		records.estimate(91, 90, CUSTOMER, "Deck", "Sold", hours(8));
		// Another customer's job and another account's note: not on this timeline.
		records.job(99, 777, "J-99", hours(6));
		var elsewhere = records.account("Lee Spa", 777L);
		activity("note", "Elsewhere", "account", elsewhere, hours(6));

		activity("call", "Quote questions", "contact", contact, hours(4).plus(30, ChronoUnit.MINUTES));
		activity("meeting", "Site visit", "account", account, hours(7));
		activity("note", null, "opportunity", opportunity, hours(10));
		var permit = task("Confirm the permit", "contact", contact);
		task("Send photos", "account", account);
		call("PUT", "/api/crm/tasks/{id}/complete", permit).andExpect(status().isOk());

		var all = entries("accounts", account, 0, 50);
		assertThat(all).extracting(e -> e.get("kind") + ": " + e.get("title")).containsExactly(
				"task: Confirm the permit",
				"task: Send photos",
				"activity: Note",
				"stage-move: Proposal Sent → Job Sold",
				"servicetitan: Estimate Deck sold",
				"activity: Site visit",
				"stage-move: New Lead → Proposal Sent",
				"activity: Quote questions",
				"servicetitan: Appointment scheduled",
				"servicetitan: Job J-90 created",
				"stage-move: New Lead");
		assertThat(all.get(0)).containsEntry("detail", "Completed")
			.containsEntry("refType", "task")
			.containsEntry("refId", permit.toString())
			.containsEntry("actor", "ann");
		assertThat(all.get(3)).containsEntry("detail", "manual · user ann")
			.containsEntry("refType", "opportunity")
			.containsEntry("refId", opportunity.toString())
			.containsEntry("actor", "ann")
			.containsEntry("at", hours(9).toString());
		assertThat(all.get(4)).containsEntry("refType", "estimate").containsEntry("refId", "91")
			.containsEntry("actor", "servicetitan");
		assertThat(all.get(6)).containsEntry("actor", "pipeline").containsEntry("detail", "estimate-open · estimate 91");
		assertThat(all.get(9)).containsEntry("refType", "job").containsEntry("detail", "Scheduled");

		// Pages of the same order.
		call("GET", "/api/crm/accounts/{id}/timeline?size=4&page=1", account).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(11))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.page").value(1));
		assertThat(entries("accounts", account, 1, 4)).isEqualTo(all.subList(4, 8));
		assertThat(entries("accounts", account, 2, 4)).isEqualTo(all.subList(8, 11));
		assertThat(entries("accounts", account, 3, 4)).isEmpty();

		// The opportunity: its note, its moves and its customer's facts; the contact: its call and task.
		assertThat(entries("opportunities", opportunity, 0, 50)).extracting(e -> e.get("title")).containsExactly(
				"Note", "Proposal Sent → Job Sold", "Estimate Deck sold", "New Lead → Proposal Sent",
				"Appointment scheduled", "Job J-90 created", "New Lead");
		assertThat(entries("contacts", contact, 0, 50)).extracting(e -> e.get("title"))
			.containsExactly("Confirm the permit", "Quote questions");
	}

	@Test
	void showsALeadsOwnEntriesAndAnswersNotFoundForOtherTenantsRecords() throws Exception {

		var lead = records.lead("Dee");
		activity("email", "Brochure", "lead", lead, hours(1));
		assertThat(entries("leads", lead, 0, 50)).extracting(e -> e.get("kind") + ": " + e.get("title"))
			.containsExactly("activity: Brochure");
		var quiet = records.lead("Quiet");
		call("GET", "/api/crm/leads/{id}/timeline", quiet).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(0))
			.andExpect(jsonPath("$.items").isEmpty());

		var other = new CrmRecordFixtures(dsl);
		mvc.perform(as("GET", other.token("eve", "OWNER"), other.tenant, null, "/api/crm/leads/{id}/timeline", lead))
			.andExpect(status().isNotFound());
		call("GET", "/api/crm/accounts/{id}/timeline", lead).andExpect(status().isNotFound());
		call("GET", "/api/crm/cases/{id}/timeline", UUID.randomUUID()).andExpect(status().isNotFound());
		call("GET", "/api/crm/invoices/{id}/timeline", lead).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("type"));
		call("GET", "/api/crm/leads/{id}/timeline?size=0", lead).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	private Instant hours(int hours) {
		return base.plus(hours, ChronoUnit.HOURS);
	}

	private void activity(String type, String subject, String relatedType, UUID relatedId, Instant at)
			throws Exception {

		var body = "{\"type\":\"%s\",%s\"occurredAt\":\"%s\",\"relatedType\":\"%s\",\"relatedId\":\"%s\"}".formatted(
				type, subject == null ? "" : "\"subject\":\"" + subject + "\",", at, relatedType, relatedId);
		mvc.perform(records.request("POST", "ann", body, "/api/crm/activities")).andExpect(status().isCreated());
	}

	private UUID task(String title, String relatedType, UUID relatedId) throws Exception {

		var body = "{\"title\":\"%s\",\"relatedType\":\"%s\",\"relatedId\":\"%s\"}".formatted(title, relatedType,
				relatedId);
		return UUID.fromString(JsonPath.read(body(mvc.perform(records.request("POST", "ann", body, "/api/crm/tasks"))
			.andExpect(status().isCreated())), "$.id"));
	}

	private List<Map<String, Object>> entries(String type, UUID id, int page, int size) throws Exception {
		return JsonPath.read(body(call("GET", "/api/crm/" + type + "/{id}/timeline?page=" + page + "&size=" + size, id)
			.andExpect(status().isOk())), "$.items");
	}

	private ResultActions call(String method, String path, Object... variables) throws Exception {
		return mvc.perform(records.request(method, "ann", null, path, variables));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
