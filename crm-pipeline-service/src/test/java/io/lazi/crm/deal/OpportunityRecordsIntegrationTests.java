package io.lazi.crm.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.EventSchemas;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.OpportunityClosed;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opportunities as CRM records: opened by hand beside the derived ones, edited, deleted, moved within their
 * pipeline, and {@code crm.opportunity-won}/{@code -lost} once per status change, by users or the rules.
 */
@CrmIntegrationTest
class OpportunityRecordsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final DealFixtures fx;

	private final JsonMapper json;

	@Autowired
	OpportunityRecordsIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
			DSLContext dsl) {
		this.fx = new DealFixtures(mvc, kafka, json, dsl);
		this.json = json;
	}

	@Test
	void opensEditsAndDeletesAnOpportunityByHandWithVersionsAndTenantIsolation() throws Exception {

		var account = fx.account("Harbor Pools", null);
		var contact = fx.contact(account, "Ann Harbor");
		var created = fx.post("/api/crm/opportunities", """
				{"title":" Pool resurfacing ","pipeline":"sales","accountId":"%s","primaryContactId":"%s",
				 "amount":1500,"probability":40,"expectedCloseDate":"2031-05-01","nextStep":"Call back"}"""
			.formatted(account, contact))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(header().string("Location", containsString("/api/crm/opportunities/")))
			.andExpect(jsonPath("$.opportunity.title").value("Pool resurfacing"))
			.andExpect(jsonPath("$.opportunity.source").value("lazi"))
			.andExpect(jsonPath("$.opportunity.pipeline").value("SALES"))
			.andExpect(jsonPath("$.opportunity.stage").value("NEW_LEAD"))
			.andExpect(jsonPath("$.opportunity.status").value("open"))
			.andExpect(jsonPath("$.opportunity.stCustomerId").value(nullValue()))
			.andExpect(jsonPath("$.opportunity.accountId").value(account.toString()))
			.andExpect(jsonPath("$.opportunity.primaryContactId").value(contact.toString()))
			.andExpect(jsonPath("$.opportunity.contactName").value("Ann Harbor"))
			.andExpect(jsonPath("$.opportunity.amount").value(1500.0))
			.andExpect(jsonPath("$.opportunity.monetaryValue").value(1500.0))
			.andExpect(jsonPath("$.opportunity.amountManual").value(true))
			.andExpect(jsonPath("$.opportunity.probability").value(40))
			.andExpect(jsonPath("$.opportunity.expectedCloseDate").value("2031-05-01"))
			.andExpect(jsonPath("$.opportunity.nextStep").value("Call back"))
			.andExpect(jsonPath("$.opportunity.ownerId").value(DealFixtures.MANAGER))
			.andExpect(jsonPath("$.opportunity.createdBy").value(DealFixtures.MANAGER))
			.andExpect(jsonPath("$.opportunity.version").value(1))
			.andExpect(jsonPath("$.history.length()").value(1))
			.andExpect(jsonPath("$.history[0].fromStage").value(nullValue()))
			.andExpect(jsonPath("$.history[0].toStage").value("NEW_LEAD"))
			.andExpect(jsonPath("$.history[0].reason").value("opened"))
			.andExpect(jsonPath("$.history[0].triggerId").value(DealFixtures.MANAGER))
			.andExpect(jsonPath("$.lineItems").isEmpty());
		var id = DealFixtures.idOf(created);
		fx.get("/api/crm/opportunities/{id}", id).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
		fx.get("/api/crm/opportunities?source=lazi&ownerId={owner}&accountId={account}", DealFixtures.MANAGER, account)
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id.toString()));
		fx.get("/api/crm/opportunities?source=servicetitan").andExpect(jsonPath("$.totalItems").value(0));
		fx.get("/api/crm/opportunities?sort=amount,desc").andExpect(status().isOk());
		fx.get("/api/crm/opportunities?sort=colour").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("sort"));
		fx.get("/api/crm/opportunities?source=elsewhere").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("source"));

		// Bad input, each answered 400 naming the field.
		for (var bad : List.of(
				List.of("{\"pipeline\":\"SALES\"}", "title"),
				List.of("{\"title\":\"%s\",\"pipeline\":\"SALES\"}".formatted("x".repeat(201)), "title"),
				List.of("{\"title\":\"T\"}", "pipeline"),
				List.of("{\"title\":\"T\",\"pipeline\":\"MARKETING\"}", "pipeline"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"stage\":\"JOB_CREATED\"}", "stage"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"probability\":101}", "probability"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"amount\":-1}", "amount"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"amount\":1.005}", "amount"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"expectedCloseDate\":\"soon\"}", "expectedCloseDate"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"accountId\":\"%s\"}".formatted(UUID.randomUUID()),
						"accountId"),
				List.of("{\"title\":\"T\",\"pipeline\":\"SALES\",\"primaryContactId\":\"%s\"}".formatted(UUID.randomUUID()),
						"primaryContactId"))) {
			fx.post("/api/crm/opportunities", bad.get(0))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad.get(1)));
		}

		// An edit replaces every editable field; the amount follows the (absent) line items again.
		var edit = """
				{"title":"Pool resurfacing and tiles","accountId":"%s","amount":null,"amountManual":false,
				 "probability":60,"expectedCloseDate":null,"ownerId":"someone-else","nextStep":null}""".formatted(account);
		fx.perform(put("/api/crm/opportunities/{id}", id).header("If-Match", "\"1\""), fx.manager(), edit)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.opportunity.title").value("Pool resurfacing and tiles"))
			.andExpect(jsonPath("$.opportunity.primaryContactId").value(nullValue()))
			.andExpect(jsonPath("$.opportunity.amount").value(nullValue()))
			.andExpect(jsonPath("$.opportunity.amountManual").value(false))
			.andExpect(jsonPath("$.opportunity.probability").value(60))
			.andExpect(jsonPath("$.opportunity.expectedCloseDate").value(nullValue()))
			.andExpect(jsonPath("$.opportunity.ownerId").value("someone-else"))
			.andExpect(jsonPath("$.opportunity.stage").value("NEW_LEAD"));
		fx.perform(put("/api/crm/opportunities/{id}", id).header("If-Match", "\"1\""), fx.manager(), edit)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/precondition-failed"));
		fx.put("/api/crm/opportunities/{id}", "{\"title\":\" \"}", id)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("title"));
		fx.put("/api/crm/opportunities/{id}", "{\"title\":\"T\",\"primaryContactId\":\"%s\"}".formatted(account), id)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("primaryContactId"));

		// A viewer reads but does not write; another tenant sees nothing of it.
		fx.perform(post("/api/crm/opportunities"), fx.viewer(), "{\"title\":\"T\",\"pipeline\":\"SALES\"}")
			.andExpect(status().isForbidden());
		fx.perform(put("/api/crm/opportunities/{id}", id), fx.viewer(), edit).andExpect(status().isForbidden());
		fx.perform(delete("/api/crm/opportunities/{id}", id), fx.viewer(), null).andExpect(status().isForbidden());
		fx.asOtherTenant(get("/api/crm/opportunities/{id}", id), null).andExpect(status().isNotFound());
		fx.asOtherTenant(put("/api/crm/opportunities/{id}", id), edit).andExpect(status().isNotFound());
		fx.asOtherTenant(delete("/api/crm/opportunities/{id}", id), null).andExpect(status().isNotFound());
		fx.asOtherTenant(put("/api/crm/opportunities/{id}/stage", id), "{\"stage\":\"CONTACTED\"}")
			.andExpect(status().isNotFound());

		// Deleted: stale If-Match refused, then gone from reads, lists and counts.
		fx.perform(delete("/api/crm/opportunities/{id}", id).header("If-Match", "\"1\""), fx.manager(), null)
			.andExpect(status().isPreconditionFailed());
		fx.get("/api/crm/sync/stats").andExpect(jsonPath("$.opportunities").value(1));
		fx.perform(delete("/api/crm/opportunities/{id}", id).header("If-Match", "\"2\""), fx.manager(), null)
			.andExpect(status().isNoContent());
		fx.get("/api/crm/opportunities/{id}", id).andExpect(status().isNotFound());
		fx.put("/api/crm/opportunities/{id}", edit, id).andExpect(status().isNotFound());
		fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"CONTACTED\"}", id).andExpect(status().isNotFound());
		fx.delete("/api/crm/opportunities/{id}", id).andExpect(status().isNotFound());
		fx.get("/api/crm/opportunities").andExpect(jsonPath("$.totalItems").value(0));
		fx.get("/api/crm/sync/stats").andExpect(jsonPath("$.opportunities").value(0));
	}

	@Test
	void movesAnOpportunityOpenedByHandWithinItsPipelineAndAnnouncesEachStatusChangeOnce() throws Exception {

		var account = fx.account("Bay Spa", null);
		try (var closed = new KafkaTestConsumer(Topics.CRM_OPPORTUNITIES)) {
			var id = DealFixtures.idOf(fx.post("/api/crm/opportunities",
					"{\"title\":\"Spa cover\",\"pipeline\":\"SALES\",\"stage\":\"PROPOSAL_SENT\",\"accountId\":\"%s\",\"amount\":800}"
						.formatted(account))
				.andExpect(status().isCreated()));

			// Any stage of its pipeline, backwards too; not the other pipeline.
			fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"CONTACTED\"}", id)
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"2\""))
				.andExpect(jsonPath("$.opportunity.stage").value("CONTACTED"))
				.andExpect(jsonPath("$.history[-1].fromStage").value("PROPOSAL_SENT"))
				.andExpect(jsonPath("$.history[-1].triggerId").value(DealFixtures.MANAGER));
			fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"JOB_CREATED\"}", id)
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.field").value("stage"));
			fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"CONTACTED\"}", id).andExpect(status().isConflict());

			// Won by a user's move; Job Sold is then never left.
			fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"JOB_SOLD\"}", id)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.opportunity.status").value("won"));
			for (var stage : List.of("ESTIMATE_LOST", "ESTIMATE_FOLLOW_UP", "NEW_LEAD")) {
				fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"%s\"}".formatted(stage), id)
					.andExpect(status().isConflict())
					.andExpect(jsonPath("$.detail").value(containsString("protected")));
			}

			// Opened lost, then sold after all: lost, then won.
			var lost = DealFixtures.idOf(fx.post("/api/crm/opportunities",
					"{\"title\":\"Heater\",\"pipeline\":\"SALES\",\"stage\":\"ESTIMATE_LOST\"}")
				.andExpect(jsonPath("$.opportunity.status").value("lost")));
			fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"PROPOSAL_SENT\"}", lost)
				.andExpect(status().isConflict());
			fx.put("/api/crm/opportunities/{id}/stage", "{\"stage\":\"JOB_SOLD\"}", lost)
				.andExpect(jsonPath("$.opportunity.status").value("won"));

			assertThat(closedEvents(closed, id, 1)).singleElement().satisfies(event -> {
				assertThat(event.type()).isEqualTo(Events.CRM_OPPORTUNITY_WON.name());
				assertThat(event.payload()).usingRecursiveComparison()
					.ignoringFields("closedAt")
					.isEqualTo(new OpportunityClosed(fx.tenant, id, "won", "SALES", "JOB_SOLD", "Spa cover",
							new BigDecimal("800.00"), account, null, null, DealFixtures.MANAGER, Instant.EPOCH));
			});
			assertThat(closedEvents(closed, lost, 2)).extracting(e -> e.type(), e -> e.payload().status(),
					e -> e.payload().closedBy())
				.containsExactly(org.assertj.core.groups.Tuple.tuple(Events.CRM_OPPORTUNITY_LOST.name(), "lost",
						DealFixtures.MANAGER),
						org.assertj.core.groups.Tuple.tuple(Events.CRM_OPPORTUNITY_WON.name(), "won", DealFixtures.MANAGER));
		}
	}

	@Test
	void announcesWonOnceWhenTheRulesSellAnEstimateAndKeepsADerivedOpportunitysAmountSetByHand() throws Exception {

		var account = fx.account("Sam Deck", 9L);
		try (var closed = new KafkaTestConsumer(Topics.CRM_OPPORTUNITIES)) {
			fx.publishRaw(Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED, 5,
					new StBusinessUnit(5, true, "Pool - Sales", null, now), now);
			fx.publishRaw(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED, 9,
					new StCustomer(9, true, "Sam Deck", "Residential", null, List.of(), null, now, now), now);
			fx.publishRaw(Topics.ST_RAW_JOBS, Events.JOB_FETCHED, 90, new StJob(90, "J-90", 9, null, "Scheduled", null, 5,
					null, 1, null, null, List.of(), null, now.minusSeconds(3600), now), now);
			fx.publishRaw(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED, 91, estimate("Open", 0, "500.00", now), now);
			var id = awaitStage("PROPOSAL_SENT");

			// Derived: it has its customer's account; it is not deleted; a user's amount sticks through the rules.
			fx.get("/api/crm/opportunities/{id}", id)
				.andExpect(jsonPath("$.opportunity.source").value("servicetitan"))
				.andExpect(jsonPath("$.opportunity.accountId").value(account.toString()))
				.andExpect(jsonPath("$.opportunity.createdBy").value("pipeline"))
				.andExpect(jsonPath("$.opportunity.amount").value(500.0));
			fx.delete("/api/crm/opportunities/{id}", id).andExpect(status().isConflict());
			fx.put("/api/crm/opportunities/{id}", "{\"title\":\"Deck - $500.00\",\"accountId\":\"%s\",\"amount\":450,\"nextStep\":\"Send the contract\"}"
				.formatted(account), id)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.opportunity.amountManual").value(true))
				.andExpect(jsonPath("$.opportunity.nextStep").value("Send the contract"));

			fx.publishRaw(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED, 91,
					estimate("Sold", 1, "520.00", now.plusSeconds(60)), now);
			assertThat(awaitStage("JOB_SOLD")).isEqualTo(id);
			fx.get("/api/crm/opportunities/{id}", id)
				.andExpect(jsonPath("$.opportunity.status").value("won"))
				.andExpect(jsonPath("$.opportunity.title").value("Deck - $520.00"))
				.andExpect(jsonPath("$.opportunity.amount").value(450.0))
				.andExpect(jsonPath("$.opportunity.nextStep").value("Send the contract"));
			// The sale again, changed: still won, nothing more announced.
			fx.publishRaw(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED, 91,
					estimate("Sold", 1, "530.00", now.plusSeconds(120)), now);
			await().atMost(TIMEOUT).untilAsserted(() -> fx.get("/api/crm/opportunities/{id}", id)
				.andExpect(jsonPath("$.opportunity.title").value("Deck - $530.00")));

			// Given back to the rules, the amount is the estimate's again at once.
			fx.put("/api/crm/opportunities/{id}", "{\"title\":\"Deck\",\"amountManual\":false}", id)
				.andExpect(jsonPath("$.opportunity.amountManual").value(false))
				.andExpect(jsonPath("$.opportunity.amount").value(530.0));
			// Line items take the amount over from the rules, and give it back when the last one goes.
			fx.product(ProductType.SERVICE, 77, "Deck stain", "95.00");
			var item = DealFixtures.idOf(fx.post("/api/crm/opportunities/{id}/line-items",
					"{\"productType\":\"service\",\"productId\":77,\"quantity\":2}", id));
			fx.publishRaw(Topics.ST_RAW_ESTIMATES, Events.ESTIMATE_FETCHED, 91,
					estimate("Sold", 1, "540.00", now.plusSeconds(180)), now);
			await().atMost(TIMEOUT).untilAsserted(() -> fx.get("/api/crm/opportunities/{id}", id)
				.andExpect(jsonPath("$.opportunity.title").value("Deck - $540.00"))
				.andExpect(jsonPath("$.opportunity.amount").value(190.0)));
			fx.delete("/api/crm/opportunities/{id}/line-items/{item}", id, item).andExpect(status().isNoContent());
			fx.get("/api/crm/opportunities/{id}", id).andExpect(jsonPath("$.opportunity.amount").value(540.0));

			assertThat(closedEvents(closed, id, 1)).singleElement().satisfies(event -> {
				assertThat(event.type()).isEqualTo(Events.CRM_OPPORTUNITY_WON.name());
				assertThat(event.payload()).usingRecursiveComparison()
					.ignoringFields("closedAt")
					.isEqualTo(new OpportunityClosed(fx.tenant, id, "won", "SALES", "JOB_SOLD", "Deck - $520.00",
							new BigDecimal("450.00"), account, 9L, 91L, "pipeline", Instant.EPOCH));
			});
		}
	}

	private StEstimate estimate(String status, int value, String subtotal, Instant modifiedOn) {
		return new StEstimate(91, 90L, 9L, "Deck", new StEstimate.Status(value, status), new BigDecimal(subtotal),
				BigDecimal.ZERO, null, true, 5L, "Pool - Sales", now, modifiedOn);
	}

	private UUID awaitStage(String stage) {
		return await().atMost(TIMEOUT).until(() -> {
			var body = fx.get("/api/crm/opportunities?stage={stage}", stage).andReturn().getResponse()
				.getContentAsString();
			var items = json.readTree(body).path("items");
			return items.isEmpty() ? null : UUID.fromString(items.get(0).path("id").asString());
		}, java.util.Objects::nonNull);
	}

	/**
	 * The won/lost events of {@code opportunity}: polled (on this thread: a consumer is not for several) until
	 * {@code expected} arrived, then a little longer so that one too many would show.
	 */
	private List<Closed> closedEvents(KafkaTestConsumer consumer, UUID opportunity, int expected) {

		var deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (closedEvents(consumer.records(), opportunity).size() < expected && System.nanoTime() < deadline) {
			consumer.drain(Duration.ofMillis(300));
		}
		consumer.drain(Duration.ofSeconds(1));
		return closedEvents(consumer.records(), opportunity);
	}

	private List<Closed> closedEvents(List<ConsumerRecord<String, byte[]>> records, UUID opportunity) {

		var key = fx.tenant + ":" + opportunity;
		return records.stream()
			.filter(r -> key.equals(r.key()))
			.filter(r -> !Events.CRM_OPPORTUNITY_OUTCOME_MARKED.name().equals(DealFixtures.header(r, "ce_type")))
			.map(r -> {
				assertThat(DealFixtures.header(r, "ce_tenantid")).isEqualTo(fx.tenant);
				EventSchemas.assertValid("opportunity-closed.schema.json", r.value());
				return new Closed(DealFixtures.header(r, "ce_type"), json.readValue(r.value(), OpportunityClosed.class));
			})
			.toList();
	}

	private record Closed(String type, OpportunityClosed payload) {
	}
}
