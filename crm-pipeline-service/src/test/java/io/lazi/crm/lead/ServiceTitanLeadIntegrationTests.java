package io.lazi.crm.lead;

import static io.lazi.crm.jooq.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.EventSchemas;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.LeadCreated;
import io.lazi.platform.events.StLead;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.TestTokens;
import io.lazi.platform.web.Tenant;
import tools.jackson.databind.json.JsonMapper;

/** ServiceTitan's leads from {@code st.raw.leads}: first sight, newest wins, redelivery, status mapping. */
@CrmIntegrationTest
class ServiceTitanLeadIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final CloudEventCodec stIngest;

	private final DSLContext dsl;

	private final Leads leads;

	private final MockMvc mvc;

	@Autowired
	ServiceTitanLeadIntegrationTests(KafkaTemplate<String, byte[]> kafka, JsonMapper json, DSLContext dsl, Leads leads,
			MockMvc mvc) {
		this.kafka = kafka;
		this.json = json;
		this.stIngest = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.dsl = dsl;
		this.leads = leads;
		this.mvc = mvc;
	}

	@Test
	void insertsALeadOnFirstSightAnnouncesItOnceAndAppliesOnlyNewerRecords() throws Exception {

		UUID id;
		var first = UUID.randomUUID();
		try (var created = new KafkaTestConsumer(Topics.CRM_LEADS)) {
			publish(first, lead(71, "Open", "Kim Park", null, now));
			id = awaitLead(71, lead -> lead.version() == 1);
			var lead = leads.get(new Tenant(tenant), id);
			assertThat(lead).extracting(LeadView::name, LeadView::phone, LeadView::email, LeadView::status,
					LeadView::stStatus, LeadView::source, LeadView::stLeadId, LeadView::createdBy, LeadView::ownerId)
				.containsExactly("Kim Park", "555-0100", "kim@park.example", "new", "Open", "other", 71L,
						"servicetitan", null);
			assertThat(lead.createdAt()).isEqualTo(now.minusSeconds(3600));

			var records = created.await(r -> (tenant + ":" + id).equals(r.key()), TIMEOUT);
			assertThat(records).hasSize(1);
			assertThat(new String(records.getFirst().headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
				.isEqualTo(Events.CRM_LEAD_CREATED.name());
			EventSchemas.assertValid("lead-created.schema.json", records.getFirst().value());
			assertThat(json.readValue(records.getFirst().value(), LeadCreated.class)).isEqualTo(new LeadCreated(tenant,
					id, "Kim Park", null, "kim@park.example", "555-0100", "other", "new", null, null, 71L,
					"servicetitan", now.minusSeconds(3600)));

			// Newer: applied. The same event again, with other content: nothing. An older one: nothing.
			publish(UUID.randomUUID(), lead(71, "Dismissed", "Kim Park-Lee", null, now.plusSeconds(10)));
			awaitLead(71, l -> l.version() == 2);
			publish(first, lead(71, "Converted", "Redelivered", null, now.plusSeconds(60)));
			var older = UUID.randomUUID();
			publish(older, lead(71, "Open", "Older", null, now.plusSeconds(5)));
			awaitConsumed(older);
			assertThat(leads.get(new Tenant(tenant), id)).extracting(LeadView::name, LeadView::status,
					LeadView::stStatus, LeadView::version)
				.containsExactly("Kim Park-Lee", "unqualified", "Dismissed", 2);

			// No second lead.created for later records of the same lead.
			assertThat(created.drain(Duration.ofSeconds(2))).filteredOn(r -> (tenant + ":" + id).equals(r.key()))
				.hasSize(1);
		}
		assertThat(dsl.fetchCount(LEAD, LEAD.TENANT_ID.eq(tenant))).isEqualTo(1);
	}

	@Test
	void keepsWhatUsersAdvancedWhileOpenAndFollowsServiceTitansConversion() throws Exception {

		publish(UUID.randomUUID(), lead(72, "Open", null, "Pool heater quote", now));
		var id = awaitLead(72, l -> true);
		assertThat(leads.get(new Tenant(tenant), id).name()).isEqualTo("Pool heater quote");
		var manager = TestTokens.user("manager-5", List.of(tenant), List.of("MANAGER")).sign();
		mvc.perform(put("/api/crm/leads/{id}", id).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Pool heater\",\"status\":\"contacted\",\"ownerId\":\"rep-4\",\"score\":70}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stLeadId").value(72));

		// Still open in ServiceTitan, under another name: the name follows, how far users took it stays.
		publish(UUID.randomUUID(), lead(72, "Open", "Ana Cruz", null, now.plusSeconds(10)));
		awaitLead(72, l -> l.version() == 3);
		assertThat(leads.get(new Tenant(tenant), id)).extracting(LeadView::name, LeadView::status, LeadView::ownerId,
				LeadView::score)
			.containsExactly("Ana Cruz", "contacted", "rep-4", 70);

		// Converted in ServiceTitan: converted here too, and no longer editable.
		publish(UUID.randomUUID(), lead(72, "Converted", "Ana Cruz", null, now.plusSeconds(20)));
		awaitLead(72, l -> l.version() == 4);
		var converted = leads.get(new Tenant(tenant), id);
		assertThat(converted).extracting(LeadView::status, LeadView::convertedBy, LeadView::convertedAt,
				LeadView::convertedOpportunityId)
			.containsExactly("converted", "servicetitan", now.plusSeconds(20), null);
		mvc.perform(delete("/api/crm/leads/{id}", id).header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)).andExpect(status().isConflict());
		mvc.perform(get("/api/crm/leads").param("status", "converted")
			.header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + manager)).andExpect(jsonPath("$.items[0].id").value(id.toString()));
	}

	private StLead lead(long id, String status, @Nullable String name, @Nullable String summary, Instant modifiedOn) {
		return new StLead(id, status, "Normal", null, null, 5L, null, null, summary, null, name, "555-0100",
				"kim@park.example", null, now.minusSeconds(3600), modifiedOn);
	}

	private UUID awaitLead(long stLeadId, java.util.function.Predicate<LeadView> until) {
		return await().atMost(TIMEOUT).until(() -> {
			var id = dsl.select(LEAD.ID)
				.from(LEAD)
				.where(LEAD.TENANT_ID.eq(tenant))
				.and(LEAD.ST_LEAD_ID.eq(stLeadId))
				.fetchOne(LEAD.ID);
			return id != null && until.test(leads.get(new Tenant(tenant), id)) ? id : null;
		}, java.util.Objects::nonNull);
	}

	private void awaitConsumed(UUID id) {
		await().atMost(TIMEOUT)
			.until(() -> dsl.fetchExists(DSL.table("consumed_message"), DSL.field("event_id").eq(id.toString())));
	}

	private void publish(UUID eventId, StLead lead) throws Exception {

		var payload = new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.INCREMENTAL, now, lead);
		kafka.send(stIngest.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_LEADS,
				tenant + ":" + lead.id(), Events.LEAD_FETCHED.name(), Long.toString(lead.id()), tenant,
				stIngest.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}
}
