package io.lazi.crm.lead;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static io.lazi.crm.jooq.Tables.STAGE_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.EventSchemas;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadConverted;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/crm/leads/{id}/convert}: once, twice, concurrently, linking existing records, its event. */
@CrmIntegrationTest
class LeadConversionIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final String manager = TestTokens.user("manager-8", List.of(tenant), List.of("MANAGER")).sign();

	private final MockMvc mvc;

	private final JsonMapper json;

	private final DSLContext dsl;

	@Autowired
	LeadConversionIntegrationTests(MockMvc mvc, JsonMapper json, DSLContext dsl) {
		this.mvc = mvc;
		this.json = json;
		this.dsl = dsl;
	}

	@Test
	void convertsOnceIntoAnAccountAContactAndAnOpportunityAndRefusesEveryChangeAfterwards() throws Exception {

		var lead = create("""
				{"name":"Lee Park","company":"Park Spas","email":"lee@parkspas.example","phone":"555-0199",
				 "city":"Tulsa","estimatedValue":1200.50,"ownerId":"rep-9"}""");
		LeadView converted;
		try (var events = new KafkaTestConsumer(Topics.CRM_LEADS)) {
			var result = perform(post("/api/crm/leads/{id}/convert", lead), manager).andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"2\""))
				.andExpect(jsonPath("$.status").value("converted"))
				.andExpect(jsonPath("$.convertedBy").value("manager-8"))
				.andReturn();
			converted = json.readValue(result.getResponse().getContentAsString(), LeadView.class);
			assertThat(converted.convertedAt()).isNotNull();

			var records = events.await(r -> (tenant + ":" + lead).equals(r.key())
					&& Events.CRM_LEAD_CONVERTED.name().equals(ceHeader(r, "ce_type")), TIMEOUT);
			assertThat(records).hasSize(1);
			assertThat(ceHeader(records.getFirst(), "ce_tenantid")).isEqualTo(tenant);
			EventSchemas.assertValid("lead-converted.schema.json", records.getFirst().value());
			assertThat(json.readValue(records.getFirst().value(), LeadConverted.class)).isEqualTo(new LeadConverted(
					tenant, lead, converted.convertedAccountId(), converted.convertedContactId(),
					converted.convertedOpportunityId(), "SALES", true, true, "manager-8", converted.convertedAt(),
					"Park Spas", "lee@parkspas.example", "555-0199", null, "Tulsa", null, null));
		}

		var account = dsl.selectFrom(ACCOUNT).where(ACCOUNT.TENANT_ID.eq(tenant)).fetchSingle();
		assertThat(account.getId()).isEqualTo(converted.convertedAccountId());
		assertThat(List.of(account.getName(), account.getType(), account.getSource(), account.getCity(),
				account.getOwnerId(), account.getCreatedBy()))
			.containsExactly("Park Spas", "commercial", "lazi", "Tulsa", "rep-9", "manager-8");
		var contact = dsl.selectFrom(CONTACT).where(CONTACT.TENANT_ID.eq(tenant)).fetchSingle();
		assertThat(contact.getId()).isEqualTo(converted.convertedContactId());
		assertThat(List.of(contact.getAccountId(), contact.getName(), contact.getEmail(), contact.getPhone(),
				contact.getIsPrimary(), contact.getSource()))
			.containsExactly(account.getId(), "Lee Park", "lee@parkspas.example", "555-0199", true, "lazi");
		var opportunity = dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.TENANT_ID.eq(tenant)).fetchSingle();
		assertThat(opportunity.getId()).isEqualTo(converted.convertedOpportunityId());
		assertThat(java.util.Arrays.<Object>asList(opportunity.getPipeline(), opportunity.getStage(), opportunity.getStatus(),
				opportunity.getTitle(), opportunity.getMonetaryValue(), opportunity.getAmountManual(),
				opportunity.getAccountId(), opportunity.getPrimaryContactId(), opportunity.getLeadId(),
				opportunity.getOwnerId(), opportunity.getSource(), opportunity.getCreatedBy()))
			.containsExactly("SALES", "NEW_LEAD", "open", "Lee Park", null, false, account.getId(),
					contact.getId(), lead, "rep-9", "lazi", "manager-8");
		assertThat(opportunity.getStCustomerId()).isNull();
		var history = dsl.selectFrom(STAGE_HISTORY).where(STAGE_HISTORY.OPPORTUNITY_ID.eq(opportunity.getId())).fetchSingle();
		assertThat(List.of(String.valueOf(history.getFromStage()), history.getToStage(), history.getReason(),
				history.getTriggerType(), history.getTriggerId()))
			.containsExactly("null", "NEW_LEAD", "lead-converted", "user", "manager-8");

		// Converted: a second conversion, an update and a delete are refused; nothing more is created.
		perform(post("/api/crm/leads/{id}/convert", lead), manager).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/conflict"))
			.andExpect(jsonPath("$.field").value("status"));
		send(put("/api/crm/leads/{id}", lead), "{\"name\":\"Renamed\"}", manager).andExpect(status().isConflict());
		perform(delete("/api/crm/leads/{id}", lead).header("If-Match", "\"2\""), manager)
			.andExpect(status().isConflict());
		assertThat(dsl.fetchCount(OPPORTUNITY, OPPORTUNITY.TENANT_ID.eq(tenant))).isEqualTo(1);
		assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.TENANT_ID.eq(tenant))).isEqualTo(1);
	}

	@Test
	void linksAnExistingAccountAndContactAndRefusesUnknownOrMismatchedOnes() throws Exception {

		var first = convert(create("{\"name\":\"Ada Moss\",\"email\":\"ada@moss.example\",\"city\":\"Waco\"}"), "{}");
		var account = first.convertedAccountId();
		var residential = dsl.selectFrom(ACCOUNT).where(ACCOUNT.TENANT_ID.eq(tenant)).and(ACCOUNT.ID.eq(account)).fetchSingle();
		assertThat(List.of(residential.getName(), residential.getType(), residential.getEmail(), residential.getOwnerId()))
			.containsExactly("Ada Moss", "residential", "ada@moss.example", "manager-8");

		var lead = create("{\"name\":\"Ben Moss\",\"estimatedValue\":50}");
		var other = convert(create("{\"name\":\"Cara Lin\"}"), "{}");
		var otherTenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
		var stranger = TestTokens.user("stranger", List.of(otherTenant), List.of("OWNER")).sign();
		var theirs = json.readValue(mvc.perform(post("/api/crm/leads").header("X-Tenant-ID", otherTenant)
			.header("Authorization", "Bearer " + stranger)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Theirs\"}")).andReturn().getResponse().getContentAsString(), LeadView.class);
		var otherTenantsAccount = json.readValue(mvc.perform(post("/api/crm/leads/{id}/convert", theirs.id())
			.header("X-Tenant-ID", otherTenant)
			.header("Authorization", "Bearer " + stranger)).andReturn().getResponse().getContentAsString(), LeadView.class)
			.convertedAccountId();
		for (var bad : List.of(List.of("{\"accountId\":\"" + UUID.randomUUID() + "\"}", "accountId"),
				List.of("{\"accountId\":\"not-a-uuid\"}", "accountId"),
				List.of("{\"contactId\":\"" + UUID.randomUUID() + "\"}", "contactId"),
				List.of("{\"accountId\":\"" + account + "\",\"contactId\":\"" + other.convertedContactId() + "\"}", "contactId"),
				List.of("{\"accountId\":\"" + otherTenantsAccount + "\"}", "accountId"),
				List.of("{\"pipeline\":\"RETAIL\"}", "pipeline"), List.of("{\"amount\":-1}", "amount"),
				List.of("{\"opportunityTitle\":\"" + "t".repeat(201) + "\"}", "opportunityTitle"))) {
			send(post("/api/crm/leads/{id}/convert", lead), bad.get(0), manager).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad.get(1)));
		}
		assertThat(dsl.fetchCount(OPPORTUNITY, OPPORTUNITY.LEAD_ID.eq(lead))).isZero();

		// The existing account, a new (not primary) contact there, into the Install pipeline with a title and amount.
		try (var events = new KafkaTestConsumer(Topics.CRM_LEADS)) {
			var linked = convert(lead, "{\"accountId\":\"" + account
					+ "\",\"opportunityTitle\":\"Heater install\",\"amount\":75.25,\"pipeline\":\"install\"}");
			assertThat(linked.convertedAccountId()).isEqualTo(account);
			assertThat(linked.convertedContactId()).isNotEqualTo(first.convertedContactId());
			var contact = dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(linked.convertedContactId())).fetchSingle();
			assertThat(List.<Object>of(contact.getAccountId(), contact.getName(), contact.getIsPrimary()))
				.containsExactly(account, "Ben Moss", false);
			var opportunity = dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(linked.convertedOpportunityId())).fetchSingle();
			assertThat(List.<Object>of(opportunity.getPipeline(), opportunity.getStage(), opportunity.getTitle(),
					opportunity.getMonetaryValue(), opportunity.getOwnerId()))
				.containsExactly("INSTALL", "JOB_CREATED", "Heater install", new BigDecimal("75.25"), "manager-8");
			var event = json.readValue(events.await(r -> (tenant + ":" + lead).equals(r.key())
					&& Events.CRM_LEAD_CONVERTED.name().equals(ceHeader(r, "ce_type")), TIMEOUT).getFirst().value(),
					LeadConverted.class);
			assertThat(List.<Object>of(event.pipeline(), event.accountCreated(), event.contactCreated()))
				.containsExactly("INSTALL", false, true);
		}

		// Only the contact given: its account is linked, nothing is created but the opportunity.
		var third = create("{\"name\":\"Dee Moss\"}");
		var byContact = convert(third, "{\"contactId\":\"" + first.convertedContactId() + "\"}");
		assertThat(List.of(byContact.convertedAccountId(), byContact.convertedContactId()))
			.containsExactly(account, first.convertedContactId());
		var opportunity = dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(byContact.convertedOpportunityId())).fetchSingle();
		assertThat(opportunity.getMonetaryValue()).isNull();
		assertThat(opportunity.getAmountManual()).isFalse();
		assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.TENANT_ID.eq(tenant))).isEqualTo(2);
		assertThat(dsl.fetchCount(CONTACT, CONTACT.TENANT_ID.eq(tenant))).isEqualTo(3);
	}

	@Test
	void convertsOnceWhenTwoUsersConvertAtTheSameTime() throws Exception {

		var lead = create("{\"name\":\"Eve Stone\",\"company\":\"Stone Works\"}");
		var other = TestTokens.user("manager-9", List.of(tenant), List.of("MANAGER")).sign();
		var start = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try (var events = new KafkaTestConsumer(Topics.CRM_LEADS)) {
			var answers = new ArrayList<Future<Integer>>();
			for (var token : List.of(manager, other)) {
				answers.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return perform(post("/api/crm/leads/{id}/convert", lead), token).andReturn().getResponse().getStatus();
				}));
			}
			var statuses = new ArrayList<Integer>();
			for (var answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			events.await(r -> (tenant + ":" + lead).equals(r.key())
					&& Events.CRM_LEAD_CONVERTED.name().equals(ceHeader(r, "ce_type")), TIMEOUT);
			assertThat(events.drain(Duration.ofSeconds(2)).stream()
				.filter(r -> (tenant + ":" + lead).equals(r.key()))
				.filter(r -> Events.CRM_LEAD_CONVERTED.name().equals(ceHeader(r, "ce_type")))).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(dsl.fetchCount(OPPORTUNITY, OPPORTUNITY.LEAD_ID.eq(lead))).isEqualTo(1);
		assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.TENANT_ID.eq(tenant))).isEqualTo(1);
		assertThat(dsl.fetchCount(CONTACT, CONTACT.TENANT_ID.eq(tenant))).isEqualTo(1);
	}

	private UUID create(String body) throws Exception {
		var result = send(post("/api/crm/leads"), body, manager).andExpect(status().isCreated()).andReturn();
		return json.readValue(result.getResponse().getContentAsString(), LeadView.class).id();
	}

	private LeadView convert(UUID lead, String body) throws Exception {
		var result = send(post("/api/crm/leads/{id}/convert", lead), body, manager).andExpect(status().isOk()).andReturn();
		return json.readValue(result.getResponse().getContentAsString(), LeadView.class);
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String body, String token) throws Exception {
		return perform(request.contentType(MediaType.APPLICATION_JSON).content(body), token);
	}

	private ResultActions perform(MockHttpServletRequestBuilder request, String token) throws Exception {
		return mvc.perform(request.header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + token));
	}

	private static String ceHeader(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
