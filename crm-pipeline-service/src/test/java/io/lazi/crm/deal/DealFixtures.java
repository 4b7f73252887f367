package io.lazi.crm.deal;

import static io.lazi.crm.jooq.Tables.ACCOUNT;
import static io.lazi.crm.jooq.Tables.CONTACT;
import static io.lazi.crm.jooq.Tables.PRODUCT;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.lazi.platform.events.EventType;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the deal tests share: a tenant of their own, signed-in users of it, requests, raw ServiceTitan records as
 * st-ingest-service publishes them, and accounts and contacts written directly (the account module is not needed).
 */
final class DealFixtures {

	/** The {@code sub} of {@link #manager()}. */
	static final String MANAGER = "manager-7";

	final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final MockMvc mvc;

	private final KafkaTemplate<String, byte[]> kafka;

	private final CloudEventCodec stIngest;

	private final DSLContext dsl;

	DealFixtures(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json, DSLContext dsl) {
		this.mvc = mvc;
		this.kafka = kafka;
		this.stIngest = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.dsl = dsl;
	}

	/** A MANAGER of the tenant: may change CRM records. */
	String manager() {
		return TestTokens.user(MANAGER, List.of(tenant), List.of("MANAGER")).sign();
	}

	/** A VIEWER of the tenant: reads only. */
	String viewer() {
		return TestTokens.user("viewer-1", List.of(tenant), List.of("VIEWER")).sign();
	}

	/** {@code request} as {@code token}'s user of the tenant, with a JSON body when given. */
	ResultActions perform(MockHttpServletRequestBuilder request, String token, @Nullable String body) throws Exception {
		return perform(request, tenant, token, body);
	}

	/** {@code request} as {@code token}'s user of {@code tenantId}, with a JSON body when given. */
	ResultActions perform(MockHttpServletRequestBuilder request, String tenantId, String token, @Nullable String body)
			throws Exception {

		request.header("X-Tenant-ID", tenantId).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	ResultActions get(String path, Object... vars) throws Exception {
		return perform(MockMvcRequestBuilders.get(path, vars), manager(), null);
	}

	ResultActions post(String path, String body, Object... vars) throws Exception {
		return perform(MockMvcRequestBuilders.post(path, vars), manager(), body);
	}

	ResultActions put(String path, String body, Object... vars) throws Exception {
		return perform(MockMvcRequestBuilders.put(path, vars), manager(), body);
	}

	ResultActions delete(String path, Object... vars) throws Exception {
		return perform(MockMvcRequestBuilders.delete(path, vars), manager(), null);
	}

	/** Another tenant's owner asking for {@code request}: what a user of another tenant gets. */
	ResultActions asOtherTenant(MockHttpServletRequestBuilder request, @Nullable String body) throws Exception {
		return perform(request, "1", TestTokens.user("1", "OWNER"), body);
	}

	/** Publishes a raw ServiceTitan record of the tenant on {@code topic}, as st-ingest-service does. */
	void publishRaw(String topic, EventType<?> type, long stId, Object record, Instant fetchedAt) throws Exception {

		var payload = new StRecordFetched<>(tenant, UUID.randomUUID(), SyncType.FULL, fetchedAt, record);
		kafka.send(stIngest.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), topic, tenant + ":" + stId,
				type.name(), Long.toString(stId), tenant, stIngest.serialize(payload)))
			.get(10, TimeUnit.SECONDS);
	}

	/** A residential account of the tenant, for ServiceTitan customer {@code stCustomerId} when given. */
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

	/** A contact at {@code accountId}. */
	UUID contact(UUID accountId, String name) {

		var id = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		dsl.insertInto(CONTACT)
			.set(CONTACT.TENANT_ID, tenant)
			.set(CONTACT.ID, id)
			.set(CONTACT.ACCOUNT_ID, accountId)
			.set(CONTACT.NAME, name)
			.set(CONTACT.SOURCE, "lazi")
			.set(CONTACT.CREATED_BY, "test")
			.set(CONTACT.CREATED_AT, now)
			.set(CONTACT.UPDATED_AT, now)
			.execute();
		return id;
	}

	/** A product of the tenant's pricebook snapshot, as if it came from ServiceTitan. */
	void product(ProductType type, long stId, String name, String price) {
		dsl.insertInto(PRODUCT)
			.set(PRODUCT.TENANT_ID, tenant)
			.set(PRODUCT.TYPE, type.wire())
			.set(PRODUCT.ST_ID, stId)
			.set(PRODUCT.NAME, name)
			.set(PRODUCT.PRICE, new BigDecimal(price))
			.set(PRODUCT.ACTIVE, true)
			.set(PRODUCT.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
			.execute();
	}

	/** The id at the end of a {@code Location} header. */
	static UUID idOf(ResultActions created) {
		var location = created.andReturn().getResponse().getHeader("Location");
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
