package io.lazi.crm.support;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.SERVICE_CASE;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.crm.EventSchemas;
import io.lazi.platform.events.CaseOpened;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.Topics;
import io.lazi.platform.test.KafkaTestConsumer;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service cases: numbering (sequential, unique under concurrent creates), SLA by priority, breach, status and
 * resolvedAt, validation, If-Match, soft delete, tenant isolation, viewers, and {@code crm.case-opened}.
 */
@CrmIntegrationTest
class CaseIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final String manager = TestTokens.user("manager-5", List.of(tenant), List.of("MANAGER")).sign();

	private final JsonMapper json;

	private final DSLContext dsl;

	private final MockMvc mvc;

	private final UUID account = UUID.randomUUID();

	private final UUID contact = UUID.randomUUID();

	private final UUID otherAccount = UUID.randomUUID();

	private final UUID otherContact = UUID.randomUUID();

	@Autowired
	CaseIntegrationTests(JsonMapper json, DSLContext dsl, MockMvc mvc) {
		this.json = json;
		this.dsl = dsl;
		this.mvc = mvc;
	}

	@Test
	void numbersCasesPerTenantSetsTheirSlaByPriorityAndAnnouncesThem() throws Exception {

		accounts();
		try (var opened = new KafkaTestConsumer(Topics.CRM_CASES)) {
			var first = open("""
					{"type":"warranty","subject":"  Leaking valve ","description":"Drips since Monday",
					 "accountId":"%s","contactId":"%s","priority":"high"}""".formatted(account, contact))
				.andExpect(status().isCreated())
				.andExpect(header().string("ETag", "\"1\""))
				.andExpect(header().string("Location", containsString("/api/crm/cases/")))
				.andExpect(jsonPath("$.caseNumber").value(1))
				.andExpect(jsonPath("$.type").value("warranty"))
				.andExpect(jsonPath("$.subject").value("Leaking valve"))
				.andExpect(jsonPath("$.description").value("Drips since Monday"))
				.andExpect(jsonPath("$.accountId").value(account.toString()))
				.andExpect(jsonPath("$.contactId").value(contact.toString()))
				.andExpect(jsonPath("$.priority").value("high"))
				.andExpect(jsonPath("$.status").value("new"))
				.andExpect(jsonPath("$.breached").value(false))
				.andExpect(jsonPath("$.resolvedAt").value(nullValue()))
				.andExpect(jsonPath("$.ownerId").value("manager-5"))
				.andExpect(jsonPath("$.createdBy").value("manager-5"))
				.andExpect(jsonPath("$.version").value(1))
				.andReturn()
				.getResponse()
				.getContentAsString();
			var id = UUID.fromString(JsonPath.read(first, "$.id"));
			var openedAt = Instant.parse(JsonPath.read(first, "$.openedAt"));
			assertThat(Instant.parse(JsonPath.<String>read(first, "$.slaDueAt")))
				.isEqualTo(openedAt.plus(Duration.ofHours(24)));

			var records = opened.await(r -> tenant.equals(ceHeader(r, "ce_tenantid")), TIMEOUT);
			assertThat(records).hasSize(1);
			assertThat(ceHeader(records.getFirst(), "ce_type")).isEqualTo(Events.CRM_CASE_OPENED.name());
			EventSchemas.assertValid("case-opened.schema.json", records.getFirst().value());
			assertThat(json.readValue(records.getFirst().value(), CaseOpened.class)).isEqualTo(new CaseOpened(tenant,
					id, 1, "warranty", "Leaking valve", "high", "new", account, contact,
					openedAt.plus(Duration.ofHours(24)), "manager-5", openedAt));

			// Defaults: medium (72 h), new, owned by the caller; an owner may be named; urgent is due in 4 h, low in 168 h.
			var second = open("{\"type\":\"question\",\"subject\":\"Filter size?\",\"accountId\":\"" + account + "\"}")
				.andExpect(jsonPath("$.caseNumber").value(2))
				.andExpect(jsonPath("$.priority").value("medium"))
				.andExpect(jsonPath("$.contactId").value(nullValue()))
				.andReturn().getResponse().getContentAsString();
			assertThat(sla(second)).isEqualTo(Duration.ofHours(72));
			var urgent = open("{\"type\":\"complaint\",\"subject\":\"No heat\",\"priority\":\"urgent\",\"ownerId\":\"tech-9\","
					+ "\"accountId\":\"" + account + "\"}")
				.andExpect(jsonPath("$.caseNumber").value(3))
				.andExpect(jsonPath("$.ownerId").value("tech-9"))
				.andReturn().getResponse().getContentAsString();
			assertThat(sla(urgent)).isEqualTo(Duration.ofHours(4));
			var low = open("{\"type\":\"question\",\"subject\":\"Invoice copy\",\"priority\":\"low\",\"accountId\":\""
					+ account + "\"}").andReturn().getResponse().getContentAsString();
			assertThat(sla(low)).isEqualTo(Duration.ofHours(168));

			// Concurrent creates never share a number.
			var pool = Executors.newFixedThreadPool(8);
			try {
				var futures = IntStream.range(0, 8)
					.mapToObj(i -> CompletableFuture.supplyAsync(() -> caseNumber("{\"type\":\"question\",\"subject\":\"Parallel "
							+ i + "\",\"accountId\":\"" + account + "\"}"), pool))
					.toList();
				assertThat(futures.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(5, 6, 7, 8, 9, 10,
						11, 12);
			}
			finally {
				pool.shutdown();
			}
			assertThat(JsonPath.<List<Integer>>read(list("sort", "caseNumber,asc"), "$.items[*].caseNumber"))
				.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
			// One event per case, none twice.
			await().atMost(TIMEOUT)
				.until(() -> opened.drain(Duration.ofMillis(300))
					.stream()
					.filter(r -> tenant.equals(ceHeader(r, "ce_tenantid")))
					.count(), count -> count >= 12);
			assertThat(opened.drain(Duration.ofSeconds(1)).stream().filter(r -> tenant.equals(ceHeader(r, "ce_tenantid"))))
				.hasSize(12);
		}

		// Another tenant starts at 1.
		var otherTenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
		var otherAccountId = UUID.randomUUID();
		account(otherTenant, otherAccountId);
		mvc.perform(post("/api/crm/cases").header("X-Tenant-ID", otherTenant)
			.header("Authorization", "Bearer " + TestTokens.user(otherTenant, "OWNER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"question\",\"subject\":\"First\",\"accountId\":\"" + otherAccountId + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.caseNumber").value(1));
	}

	@Test
	void updatesFiltersAndDeletesCasesGuardedByIfMatch() throws Exception {

		accounts();
		var body = open("{\"type\":\"complaint\",\"subject\":\"Noisy unit\",\"accountId\":\"" + account
				+ "\",\"contactId\":\"" + contact + "\",\"priority\":\"low\"}").andReturn().getResponse()
			.getContentAsString();
		var id = UUID.fromString(JsonPath.read(body, "$.id"));
		var openedAt = Instant.parse(JsonPath.read(body, "$.openedAt"));
		var other = UUID.fromString(JsonPath.read(open("{\"type\":\"question\",\"subject\":\"Other\",\"accountId\":\""
				+ otherAccount + "\",\"priority\":\"high\"}").andReturn().getResponse().getContentAsString(), "$.id"));

		// A new priority recomputes the SLA from the opening; resolving sets resolvedAt, reopening clears it.
		var updated = update(id, "\"1\"", """
				{"type":"complaint","subject":"Noisy unit","accountId":"%s","contactId":"%s","priority":"urgent",
				 "status":"open","ownerId":"tech-2"}""".formatted(account, contact))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.priority").value("urgent"))
			.andExpect(jsonPath("$.status").value("open"))
			.andExpect(jsonPath("$.ownerId").value("tech-2"))
			.andReturn().getResponse().getContentAsString();
		assertThat(Instant.parse(JsonPath.<String>read(updated, "$.slaDueAt"))).isEqualTo(openedAt.plus(Duration.ofHours(4)));
		update(id, "\"1\"", spec(account, "urgent", "resolved")).andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://lazi.io/problems/precondition-failed"));
		var resolved = update(id, "\"2\"", spec(account, "urgent", "resolved")).andExpect(status().isOk())
			.andExpect(jsonPath("$.resolvedAt").isNotEmpty())
			.andExpect(jsonPath("$.contactId").value(nullValue()))
			.andExpect(jsonPath("$.ownerId").value(nullValue()))
			.andReturn().getResponse().getContentAsString();
		update(id, null, spec(account, "urgent", "closed"))
			.andExpect(jsonPath("$.resolvedAt").value(JsonPath.<String>read(resolved, "$.resolvedAt")));
		update(id, null, spec(account, "urgent", "pending")).andExpect(jsonPath("$.resolvedAt").value(nullValue()));

		// Past its SLA: breached, until resolved or given a priority with a later due time.
		var past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5);
		dsl.update(SERVICE_CASE)
			.set(SERVICE_CASE.CREATED_AT, past)
			.set(SERVICE_CASE.SLA_DUE_AT, past.plusHours(4))
			.where(SERVICE_CASE.TENANT_ID.eq(tenant).and(SERVICE_CASE.ID.eq(id)))
			.execute();
		read(id).andExpect(jsonPath("$.breached").value(true));
		assertThat(ids("breached", "true")).containsExactly(id.toString());
		assertThat(ids("breached", "false")).containsExactly(other.toString());
		update(id, null, spec(account, "medium", "pending")).andExpect(jsonPath("$.breached").value(false));
		update(id, null, spec(account, "urgent", "pending")).andExpect(jsonPath("$.breached").value(true));
		update(id, null, spec(account, "urgent", "resolved")).andExpect(jsonPath("$.breached").value(false));

		// Filters and sort.
		assertThat(ids("status", "resolved")).containsExactly(id.toString());
		assertThat(ids("priority", "high")).containsExactly(other.toString());
		assertThat(ids("accountId", otherAccount.toString())).containsExactly(other.toString());
		assertThat(ids("ownerId", "manager-5")).containsExactly(other.toString());
		assertThat(ids("sort", "priority,desc")).containsExactly(id.toString(), other.toString());
		assertThat(ids("sort", "caseNumber")).containsExactly(id.toString(), other.toString());
		for (var bad : List.of(new String[] { "status", "done" }, new String[] { "priority", "asap" },
				new String[] { "breached", "maybe" }, new String[] { "accountId", "x" },
				new String[] { "sort", "owner" })) {
			mvc.perform(authorized(get("/api/crm/cases").param(bad[0], bad[1])))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad[0]));
		}

		// Another tenant's case is not there; a viewer reads but does not write.
		var stranger = TestTokens.user("1", "OWNER");
		for (var request : List.of(get("/api/crm/cases/{id}", id),
				put("/api/crm/cases/{id}", id).contentType(MediaType.APPLICATION_JSON)
					.content(spec(account, "low", "open")),
				delete("/api/crm/cases/{id}", id))) {
			mvc.perform(request.header("X-Tenant-ID", "1").header("Authorization", "Bearer " + stranger))
				.andExpect(status().isNotFound());
		}
		var viewer = TestTokens.user("viewer-5", List.of(tenant), List.of("VIEWER")).sign();
		for (var request : List.of(post("/api/crm/cases").contentType(MediaType.APPLICATION_JSON)
			.content(spec(account, "low", "open")),
				put("/api/crm/cases/{id}", id).contentType(MediaType.APPLICATION_JSON)
					.content(spec(account, "low", "open")),
				delete("/api/crm/cases/{id}", id))) {
			mvc.perform(request.header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + viewer))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/crm/cases/{id}", id).header("X-Tenant-ID", tenant).header("Authorization",
				"Bearer " + viewer)).andExpect(status().isOk());

		// Soft delete, guarded by If-Match; the number is not reused.
		var version = dsl.select(SERVICE_CASE.VERSION).from(SERVICE_CASE).where(SERVICE_CASE.ID.eq(id)).fetchSingle()
			.value1();
		mvc.perform(authorized(delete("/api/crm/cases/{id}", id)).header("If-Match", "\"" + (version - 1) + "\""))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(authorized(delete("/api/crm/cases/{id}", id)).header("If-Match", "\"" + version + "\""))
			.andExpect(status().isNoContent());
		read(id).andExpect(status().isNotFound());
		update(id, null, spec(account, "low", "open")).andExpect(status().isNotFound());
		mvc.perform(authorized(delete("/api/crm/cases/{id}", id))).andExpect(status().isNotFound());
		assertThat(ids("sort", "caseNumber")).containsExactly(other.toString());
		open(spec(account, "low", "open")).andExpect(jsonPath("$.caseNumber").value(3));
	}

	@Test
	void refusesMalformedCasesNamingTheField() throws Exception {

		accounts();
		var valid = "\"type\":\"warranty\",\"subject\":\"Broken\",\"accountId\":\"" + account + "\"";
		var cases = List.of(
				new String[] { "{\"subject\":\"Broken\",\"accountId\":\"" + account + "\"}", "type" },
				new String[] { "{" + valid.replace("warranty", "repair") + "}", "type" },
				new String[] { "{\"type\":\"warranty\",\"subject\":\"  \",\"accountId\":\"" + account + "\"}", "subject" },
				new String[] { "{" + valid.replace("Broken", "x".repeat(201)) + "}", "subject" },
				new String[] { "{" + valid + ",\"description\":\"" + "x".repeat(10_001) + "\"}", "description" },
				new String[] { "{\"type\":\"warranty\",\"subject\":\"Broken\"}", "accountId" },
				new String[] { "{" + valid.replace(account.toString(), UUID.randomUUID().toString()) + "}",
						"accountId" },
				new String[] { "{" + valid.replace(account.toString(), "not-a-uuid") + "}", "accountId" },
				new String[] { "{" + valid + ",\"contactId\":\"" + otherContact + "\"}", "contactId" },
				new String[] { "{" + valid + ",\"contactId\":\"" + UUID.randomUUID() + "\"}", "contactId" },
				new String[] { "{" + valid + ",\"priority\":\"asap\"}", "priority" },
				new String[] { "{" + valid + ",\"status\":\"done\"}", "status" });
		for (var c : cases) {
			open(c[0]).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(c[1]));
		}
		var id = UUID.fromString(JsonPath.read(open("{" + valid + "}").andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id"));
		// An update names every required field; a contact must belong to the (new) account.
		update(id, null, "{" + valid + "}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("priority"));
		update(id, null, "{" + valid + ",\"priority\":\"low\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		update(id, null, "{" + valid + ",\"priority\":\"low\",\"status\":\"open\",\"contactId\":\"" + otherContact
				+ "\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("contactId"));
		update(id, "3x", "{" + valid + ",\"priority\":\"low\",\"status\":\"open\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("If-Match"));
		update(id, null, "{\"type\":\"warranty\",\"subject\":\"Broken\",\"accountId\":\"" + otherAccount
				+ "\",\"contactId\":\"" + otherContact + "\",\"priority\":\"low\",\"status\":\"open\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").value(otherAccount.toString()));
		open("{" + valid + "}").andExpect(jsonPath("$.caseNumber").value(2));
	}

	/** Two accounts of the tenant, each with a contact. */
	private void accounts() {

		account(tenant, account);
		account(tenant, otherAccount);
		contact(account, contact);
		contact(otherAccount, otherContact);
	}

	private void account(String tenantId, UUID id) {

		var now = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.TENANT_ID, tenantId)
			.set(ACCOUNT.ID, id)
			.set(ACCOUNT.NAME, "Account " + id)
			.set(ACCOUNT.TYPE, "residential")
			.set(ACCOUNT.SOURCE, "lazi")
			.set(ACCOUNT.CREATED_BY, "test")
			.set(ACCOUNT.CREATED_AT, now)
			.set(ACCOUNT.UPDATED_AT, now)
			.execute();
	}

	private void contact(UUID accountId, UUID id) {

		var now = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(CONTACT)
			.set(CONTACT.TENANT_ID, tenant)
			.set(CONTACT.ID, id)
			.set(CONTACT.ACCOUNT_ID, accountId)
			.set(CONTACT.NAME, "Contact " + id)
			.set(CONTACT.SOURCE, "lazi")
			.set(CONTACT.CREATED_BY, "test")
			.set(CONTACT.CREATED_AT, now)
			.set(CONTACT.UPDATED_AT, now)
			.execute();
	}

	private static String spec(UUID accountId, String priority, String status) {
		return "{\"type\":\"complaint\",\"subject\":\"Noisy unit\",\"accountId\":\"" + accountId + "\",\"priority\":\""
				+ priority + "\",\"status\":\"" + status + "\"}";
	}

	private int caseNumber(String body) {
		try {
			return JsonPath.read(open(body).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString(), "$.caseNumber");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Duration sla(String view) {
		return Duration.between(Instant.parse(JsonPath.read(view, "$.openedAt")),
				Instant.parse(JsonPath.read(view, "$.slaDueAt")));
	}

	private MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + manager);
	}

	private ResultActions open(String body) throws Exception {
		return mvc.perform(authorized(post("/api/crm/cases")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions read(UUID id) throws Exception {
		return mvc.perform(authorized(get("/api/crm/cases/{id}", id)));
	}

	private ResultActions update(UUID id, String ifMatch, String body) throws Exception {

		var request = authorized(put("/api/crm/cases/{id}", id)).contentType(MediaType.APPLICATION_JSON).content(body);
		return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
	}

	private String list(String parameter, String value) throws Exception {
		return mvc.perform(authorized(get("/api/crm/cases").param(parameter, value)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> ids(String parameter, String value) throws Exception {
		return JsonPath.read(list(parameter, value), "$.items[*].id");
	}

	private static String ceHeader(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
