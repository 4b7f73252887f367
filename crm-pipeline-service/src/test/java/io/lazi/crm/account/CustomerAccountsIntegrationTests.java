package io.lazi.crm.account;

import static io.lazi.crm.jooq.Tables.LEAD;
import static io.lazi.crm.jooq.Tables.OPPORTUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServiceTitan customers (raw records on {@code st.raw.customers}) kept as accounts with a primary contact, and the
 * ranked search across accounts, contacts, leads and opportunities.
 */
@CrmIntegrationTest
class CustomerAccountsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final String other = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final UUID run = UUID.randomUUID();

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final CloudEventCodec codec;

	private final MockMvc mvc;

	private final DSLContext dsl;

	@Autowired
	CustomerAccountsIntegrationTests(KafkaTemplate<String, byte[]> kafka, JsonMapper json, MockMvc mvc,
			DSLContext dsl) {
		this.kafka = kafka;
		this.json = json;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.mvc = mvc;
		this.dsl = dsl;
	}

	@Test
	void keepsEachServiceTitanCustomerAsAnAccountWithItsPrimaryContactNewestWins() throws Exception {

		publish(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 7, customer("Jane Pool", "(813) 555-0100", now));
		publish(Topics.ST_RAW_BUSINESS_UNITS, Events.BUSINESS_UNIT_FETCHED.name(), 5,
				new StBusinessUnit(5, true, "Pool - Sales", null, now));
		publish(Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, job(10, now.minusSeconds(3600)));

		var account = await().atMost(TIMEOUT).until(() -> page("/api/crm/accounts?stCustomerId=7"),
				p -> p.get("totalItems").asInt() == 1).get("items").get(0);
		var accountId = UUID.fromString(account.get("id").asString());
		assertThat(account.get("name").asString()).isEqualTo("Jane Pool");
		assertThat(account.get("type").asString()).isEqualTo("commercial");
		assertThat(account.get("source").asString()).isEqualTo("servicetitan");
		assertThat(account.get("createdBy").asString()).isEqualTo("servicetitan");
		assertThat(account.get("email").asString()).isEqualTo("jane@example.com");
		assertThat(account.get("phone").asString()).isEqualTo("(813) 555-0100");
		assertThat(account.get("city").asString()).isEqualTo("Tampa");

		// The primary contact keeps the id the per-customer contact list answered with.
		var contactId = UUID.nameUUIDFromBytes(("contact:" + tenant + ":7").getBytes(StandardCharsets.UTF_8));
		as(manager(), get("/api/crm/contacts/{id}", contactId), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").value(accountId.toString()))
			.andExpect(jsonPath("$.stCustomerId").value(7))
			.andExpect(jsonPath("$.primary").value(true))
			.andExpect(jsonPath("$.source").value("servicetitan"))
			.andExpect(jsonPath("$.name").value("Jane Pool"))
			.andExpect(jsonPath("$.street").value("1 Main St"))
			.andExpect(jsonPath("$.version").value(1));
		await().atMost(TIMEOUT).until(() -> opportunityAccount(7), accountId::equals);

		// Users edit the CRM's fields; ServiceTitan's contact stays primary, at its account, and is not deleted.
		as(manager(), put("/api/crm/accounts/{id}", accountId),
				"{\"name\":\"The Pools\",\"type\":\"commercial\",\"industry\":\"Leisure\",\"email\":\"jane@example.com\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		as(manager(), put("/api/crm/contacts/{id}", contactId), "{\"name\":\"Janie\",\"role\":\"Owner\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.primary").value(true));
		as(manager(), put("/api/crm/contacts/{id}", contactId), "{\"name\":\"Janie\",\"primary\":false}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("primary"));
		as(manager(), post("/api/crm/contacts"), "{\"accountId\":\"" + accountId + "\",\"name\":\"Al\",\"primary\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("primary"));
		as(manager(), post("/api/crm/contacts"), "{\"accountId\":\"" + accountId + "\",\"name\":\"Al Pool\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.primary").value(false));
		as(manager(), delete("/api/crm/contacts/{id}", contactId), null).andExpect(status().isConflict());
		as(manager(), delete("/api/crm/accounts/{id}", accountId), null).andExpect(status().isConflict());

		// Another record of the customer (a newer job) leaves the users' edits; a change of the customer overwrites
		// what is ServiceTitan's, without a second account or contact.
		publish(Topics.ST_RAW_JOBS, Events.JOB_FETCHED.name(), 10, job(11, now.minusSeconds(60)));
		await().atMost(TIMEOUT).until(() -> dsl.fetchValue(dsl.select(OPPORTUNITY.ST_JOB_ID).from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenant))), Long.valueOf(11)::equals);
		as(manager(), get("/api/crm/contacts/{id}", contactId), null).andExpect(jsonPath("$.name").value("Janie"));
		as(manager(), get("/api/crm/accounts/{id}", accountId), null).andExpect(jsonPath("$.name").value("The Pools"));

		publish(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 7,
				customer("Jane Poole", "(813) 555-0199", now.plusSeconds(60)));
		var contact = await().atMost(TIMEOUT).until(() -> read("/api/crm/contacts/" + contactId),
				c -> c.get("name").asString().equals("Jane Poole"));
		assertThat(contact.get("phone").asString()).isEqualTo("(813) 555-0199");
		assertThat(contact.get("role").asString()).isEqualTo("Owner");
		assertThat(contact.get("version").asInt()).isEqualTo(3);
		as(manager(), get("/api/crm/accounts/{id}", accountId), null)
			.andExpect(jsonPath("$.name").value("Jane Poole"))
			.andExpect(jsonPath("$.industry").value("Leisure"))
			.andExpect(jsonPath("$.phone").value("(813) 555-0199"))
			.andExpect(jsonPath("$.version").value(3))
			.andExpect(jsonPath("$.contacts[*].name").value(contains("Jane Poole", "Al Pool")));
		as(manager(), get("/api/crm/accounts"), null).andExpect(jsonPath("$.totalItems").value(1));
		as(manager(), get("/api/crm/contacts").param("stCustomerId", "7"), null)
			.andExpect(jsonPath("$.totalItems").value(1));

		// The derived opportunity is found by its title (the customer's name) with its pipeline and stage.
		await().atMost(TIMEOUT).untilAsserted(() -> as(manager(),
				get("/api/crm/search").param("q", "poole").param("types", "opportunity"), null)
			.andExpect(jsonPath("$.items[0].title").value("Jane Poole"))
			.andExpect(jsonPath("$.items[0].subtitle").value("Sales · Contacted")));
	}

	@Test
	void searchesAccountsContactsLeadsAndOpportunitiesRankedWithinTheTenant() throws Exception {

		var account = id(as(manager(), post("/api/crm/accounts"),
				"{\"name\":\"Quillon Marine\",\"type\":\"commercial\",\"city\":\"Clearwater\"}"));
		var contact = id(as(manager(), post("/api/crm/contacts"),
				"{\"accountId\":\"" + account + "\",\"name\":\"Quillon Jarvis\",\"phone\":\"(727) 555-0188\"}"));
		var gone = id(as(manager(), post("/api/crm/contacts"),
				"{\"accountId\":\"" + account + "\",\"name\":\"Quillon Gone\"}"));
		as(manager(), delete("/api/crm/contacts/{id}", gone), null).andExpect(status().isNoContent());
		var lead = UUID.randomUUID();
		var at = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(LEAD)
			.set(LEAD.TENANT_ID, tenant).set(LEAD.ID, lead).set(LEAD.NAME, "Quillon Lead")
			.set(LEAD.COMPANY, "Quillon Boats").set(LEAD.EMAIL, "lead@boats.example").set(LEAD.SOURCE, "website")
			.set(LEAD.STATUS, "new").set(LEAD.CREATED_BY, "manager-1").set(LEAD.CREATED_AT, at).set(LEAD.UPDATED_AT, at)
			.execute();
		var foreign = new Caller(other, TestTokens.user("owner-2", List.of(other), List.of("OWNER")).sign());
		var elsewhere = id(as(foreign, post("/api/crm/accounts"), "{\"name\":\"Quillon Elsewhere\"}"));
		as(foreign, post("/api/crm/contacts"), "{\"accountId\":\"" + elsewhere + "\",\"name\":\"Quillon Jarvis\"}")
			.andExpect(status().isCreated());

		// The lead names the word twice: it ranks first. The deleted contact and the other tenant's never appear.
		as(manager(), get("/api/crm/search").param("q", "quillon"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].type").value("lead"))
			.andExpect(jsonPath("$.items[0].id").value(lead.toString()))
			.andExpect(jsonPath("$.items[0].subtitle").value("Quillon Boats · lead@boats.example"))
			.andExpect(jsonPath("$.items[*].id").value(not(hasItem(elsewhere.toString()))))
			.andExpect(jsonPath("$.items[*].id").value(not(hasItem(gone.toString()))))
			.andExpect(jsonPath("$.items[*].type").value(contains("lead", "contact", "account")));
		as(manager(), get("/api/crm/search").param("q", "quil jar"), null)
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].type").value("contact"))
			.andExpect(jsonPath("$.items[0].id").value(contact.toString()))
			.andExpect(jsonPath("$.items[0].title").value("Quillon Jarvis"))
			.andExpect(jsonPath("$.items[0].subtitle").value("Quillon Marine · (727) 555-0188"));
		for (var digits : List.of("727555", "(727) 555-0188", "7275550188")) {
			as(manager(), get("/api/crm/search").param("q", digits), null)
				.andExpect(jsonPath("$.items[*].id").value(contains(contact.toString())));
		}
		as(manager(), get("/api/crm/search").param("q", "quillon").param("types", "account, lead"), null)
			.andExpect(jsonPath("$.items[*].type").value(contains("lead", "account")));
		as(manager(), get("/api/crm/search").param("q", "quillon").param("size", "1"), null)
			.andExpect(jsonPath("$.items.length()").value(1));
		as(foreign, get("/api/crm/search").param("q", "quillon"), null)
			.andExpect(jsonPath("$.items[*].type").value(contains("contact", "account")))
			.andExpect(jsonPath("$.items[*].id").value(not(hasItem(contact.toString()))));

		for (var bad : List.of(new String[] { "q", "" }, new String[] { "q", "!!" }, new String[] { "types", "deal" },
				new String[] { "size", "0" }, new String[] { "size", "101" })) {
			var request = get("/api/crm/search").param(bad[0], bad[1]);
			if (!bad[0].equals("q")) {
				request.param("q", "quillon");
			}
			as(manager(), request, null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(bad[0]));
		}
		as(manager(), get("/api/crm/search"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("q"));
	}

	private UUID opportunityAccount(long stCustomerId) {
		return dsl.fetchValue(dsl.select(OPPORTUNITY.ACCOUNT_ID)
			.from(OPPORTUNITY)
			.where(OPPORTUNITY.TENANT_ID.eq(tenant))
			.and(OPPORTUNITY.ST_CUSTOMER_ID.eq(stCustomerId)));
	}

	/**
	 * A converted lead's account, whose customer field-service created in ServiceTitan ({@code CREATE_CUSTOMER} with
	 * the account as reference): the answer links the account and its primary contact, and the customer's records
	 * that follow update that account instead of opening a second one.
	 */
	@Test
	void linksAConvertedLeadsAccountToTheCustomerCreatedForItInServiceTitan() throws Exception {

		var created = json.readTree(as(manager(), post("/api/crm/accounts"), "{\"name\":\"Jane Pool\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var accountId = UUID.fromString(created.get("id").asString());
		var contact = json.readTree(as(manager(), post("/api/crm/contacts"),
				"{\"accountId\":\"" + accountId + "\",\"name\":\"Jane Pool\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var answer = new FieldCommandCompleted(UUID.randomUUID(), tenant, FieldAction.CREATE_CUSTOMER, 7,
				"crm-account:" + accountId, CommandOutcome.SUCCEEDED, 200, null,
				customer("Jane Pool", "(813) 555-0100", now), null, null, null, null, 2, 0, 120, now);
		var bytes = codec.serialize(answer);
		var eventId = UUID.randomUUID();
		for (var delivery = 0; delivery < 2; delivery++) {
			kafka.send(codec.toRecord(eventId, OffsetDateTime.now(ZoneOffset.UTC), Topics.SYNC_EVENTS, tenant,
					Events.FIELD_COMMAND_COMPLETED.name(), "7", tenant, bytes))
				.get(10, TimeUnit.SECONDS);
		}
		await().atMost(TIMEOUT).until(() -> page("/api/crm/accounts?stCustomerId=7"), p -> p.get("totalItems").asInt() == 1);
		as(manager(), get("/api/crm/contacts/{id}", contact.get("id").asString()), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.stCustomerId").value(7))
			.andExpect(jsonPath("$.primary").value(true));

		publish(Topics.ST_RAW_CUSTOMERS, Events.CUSTOMER_FETCHED.name(), 7, customer("Jane Pool", "(813) 555-0100", now));
		await().atMost(TIMEOUT).until(() -> page("/api/crm/accounts/" + accountId).get("city"),
				city -> city != null && "Tampa".equals(city.asString()));
		var accounts = page("/api/crm/accounts?stCustomerId=7");
		assertThat(accounts.get("totalItems").asInt()).isEqualTo(1);
		assertThat(accounts.get("items").get(0).get("id").asString()).isEqualTo(accountId.toString());
		assertThat(page("/api/crm/contacts?accountId=" + accountId).get("totalItems").asInt()).isEqualTo(1);
	}

	private StCustomer customer(String name, String phone, Instant modifiedOn) {
		return new StCustomer(7, true, name, "Commercial", new StAddress("1 Main St", null, "Tampa", "FL", "33601", "USA"),
				List.of(new StContact(1, "Email", "jane@example.com", null), new StContact(2, "MobilePhone", phone, null)),
				null, now, modifiedOn);
	}

	private StJob job(long id, Instant createdOn) {
		return new StJob(id, "J-" + id, 7, null, "Scheduled", null, 5, null, 1, null, null, List.of(), null, createdOn,
				now);
	}

	private JsonNode page(String uri) throws Exception {
		return read(uri);
	}

	private JsonNode read(String uri) throws Exception {
		return json.readTree(as(manager(), get(uri), null).andReturn().getResponse().getContentAsString());
	}

	private UUID id(ResultActions result) throws Exception {
		return UUID.fromString(json.readTree(result.andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("id").asString());
	}

	private ResultActions as(Caller caller, MockHttpServletRequestBuilder request, String body) throws Exception {

		request.header("X-Tenant-ID", caller.tenant()).header("Authorization", "Bearer " + caller.token());
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	private Caller manager() {
		return new Caller(tenant, TestTokens.user("manager-1", List.of(tenant), List.of("MANAGER")).sign());
	}

	private void publish(String topic, String type, long stId, Object record) throws Exception {

		var payload = new StRecordFetched<>(tenant, run, SyncType.FULL, now, record);
		kafka.send(codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), topic, tenant + ":" + stId,
				type, Long.toString(stId), tenant, codec.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}

	/** A user of {@code tenant}, and the tenant the request names. */
	private record Caller(String tenant, String token) {
	}
}
