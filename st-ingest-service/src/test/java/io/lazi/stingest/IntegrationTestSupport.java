package io.lazi.stingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.lazi.platform.events.StCategory;
import io.lazi.platform.test.PrometheusScrape;
import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One st-ingest context for every integration test, with WireMock on a random port standing in for
 * ServiceTitan (auth and API host). Tenants {@code 90000000NN} have credentials
 * {@code cid.tNN}/{@code cs.tNN}; tests take fresh tenants so their data and requests never mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lazi.st-ingest.schedule.enabled=false", "lazi.st-ingest.crm-schedule.enabled=false",
				"lazi.st-ingest.dispatch-schedule.enabled=false",
				"lazi.st-ingest.servicetitan.initial-backoff=20ms", "lazi.st-ingest.servicetitan.max-backoff=100ms",
				"lazi.st-ingest.servicetitan.max-attempts=4", "lazi.outbox.poll-interval=50ms",
				// Takes over expired runs at start-up only: the lease tests play the other instances themselves.
				"lazi.st-ingest.sync.lease.sweep-every=1h",
				"logging.level.org.apache.kafka=warn", "logging.level.kafka=warn", "logging.level.org.apache.zookeeper=warn",
				"logging.level.io.zonky=warn" })
public abstract class IntegrationTestSupport {

	protected static final String APP_KEY = "ak1.lazi-test";

	protected static final WireMockServer ST = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final AtomicLong NEXT_TENANT = new AtomicLong(9_000_000_001L);

	private static final int TENANTS = 200;

	static {
		ST.start();
		Runtime.getRuntime().addShutdownHook(new Thread(ST::stop));
	}

	@LocalServerPort
	private int port;

	@Value("${local.management.port}")
	private int managementPort;

	@Autowired
	protected JsonMapper json;

	@DynamicPropertySource
	static void serviceTitan(DynamicPropertyRegistry registry) {

		registry.add("lazi.st-ingest.servicetitan.auth-url", ST::baseUrl);
		registry.add("lazi.st-ingest.servicetitan.api-url", ST::baseUrl);
		registry.add("lazi.st-ingest.servicetitan.app-key", () -> APP_KEY);
		// image-service's upload endpoint is stubbed on the same WireMock server
		registry.add("lazi.st-ingest.commands.image-service-url", ST::baseUrl);
		for (long tenant = 9_000_000_001L; tenant < 9_000_000_001L + TENANTS; tenant++) {
			var id = tenant;
			registry.add("lazi.st-ingest.servicetitan.tenants[" + id + "].client-id", () -> "cid.t" + id);
			registry.add("lazi.st-ingest.servicetitan.tenants[" + id + "].client-secret", () -> "cs.t" + id);
		}
	}

	/** A configured tenant no other test uses, with a working token stub. */
	protected static String freshTenant() {

		var tenant = Long.toString(NEXT_TENANT.getAndIncrement());
		ST.stubFor(WireMock.post("/connect/token").withRequestBody(containing("client_id=cid.t" + tenant))
			.withRequestBody(containing("client_secret=cs.t" + tenant))
			.withRequestBody(containing("grant_type=client_credentials"))
			.willReturn(okJson("""
					{"access_token":"tok-%s","expires_in":900,"token_type":"Bearer","scope":"tn.pricebook"}"""
				.formatted(tenant))));
		return tenant;
	}

	/** An authenticated GET stub of the tenant's API path. */
	protected static MappingBuilder api(String tenant, String path) {
		return WireMock.get(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + path))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer tok-" + tenant))
			.withHeader("ST-App-Key", equalTo(APP_KEY));
	}

	protected String page(boolean hasMore, StCategory... roots) {
		return json.writeValueAsString(Map.of("page", 1, "pageSize", 5000, "hasMore", hasMore, "totalCount", roots.length,
				"data", Arrays.asList(roots)));
	}

	protected void stubList(String tenant, StCategory... roots) {
		ST.stubFor(api(tenant, "/categories").willReturn(okJson(page(false, roots))));
	}

	/** Answers GETs of the tenant's API path with {@code first} once, then with {@code then} on every later call. */
	protected static void stubFirstThen(String tenant, String path, ResponseDefinitionBuilder first,
			ResponseDefinitionBuilder then) {

		var scenario = "first-then-" + tenant + path;
		ST.stubFor(api(tenant, path).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("answered"));
		ST.stubFor(api(tenant, path).inScenario(scenario).whenScenarioStateIs("answered").willReturn(then));
	}

	/**
	 * Lists one root category holding one subcategory, and answers the subcategory by id with {@code image}, the detail
	 * a sync fetches for a subcategory's image. Times are ServiceTitan's {@code modifiedOn} strings.
	 */
	protected void stubRootWithSubcategory(String tenant, long rootId, String rootModifiedOn, long subId,
			String subModifiedOn, String image) {

		var sub = category(subId, rootId, null, subModifiedOn);
		stubList(tenant, category(rootId, null, null, rootModifiedOn, sub));
		stubById(tenant, sub.withImage(image));
	}

	protected void stubById(String tenant, StCategory category) {
		stubById(tenant, category, 0);
	}

	/** Answers {@code GET /categories/{id}} with {@code category} after {@code delayMs}. */
	protected void stubById(String tenant, StCategory category, int delayMs) {
		ST.stubFor(api(tenant, "/categories/" + category.id())
			.willReturn(okJson(json.writeValueAsString(category)).withFixedDelay(delayMs)));
	}

	protected static StCategory category(long id, @Nullable Long parentId, @Nullable String image, String modifiedOn,
			StCategory... children) {
		return new StCategory(id, "Category " + id, true, null, image, parentId, (int) (id % 100), "Services",
				List.of(children), List.of(), List.of(), List.of(), null, null, false, Instant.parse("2024-01-01T00:00:00Z"),
				Instant.parse(modifiedOn));
	}

	/** POST as an OWNER of {@code tenant}; without {@code X-Tenant-ID} (and a token of no tenant) when null. */
	protected Response httpPost(String path, @Nullable String tenant) {
		return call(client().post().uri(path), tenant, owner(tenant));
	}

	/** GET as for {@link #httpPost(String, String)}. */
	protected Response httpGet(String path, @Nullable String tenant) {
		return call(client().get().uri(path), tenant, owner(tenant));
	}

	/** POST with {@code token} as the bearer ({@code null}: none) for {@code tenant}. */
	protected Response httpPost(String path, @Nullable String tenant, @Nullable String token) {
		return call(client().post().uri(path), tenant, token);
	}

	/** GET with {@code token} as the bearer ({@code null}: none) for {@code tenant}. */
	protected Response httpGet(String path, @Nullable String tenant, @Nullable String token) {
		return call(client().get().uri(path), tenant, token);
	}

	/** A valid OWNER token of the stand-in identity provider for {@code tenant}, or for no tenant. */
	protected static String owner(@Nullable String tenant) {
		return tenant == null ? TestTokens.user(TestTokens.USER, List.of(), List.of("OWNER")).sign()
				: TestTokens.user(tenant, "OWNER");
	}

	/** Polls the run until it ended; returns it. */
	protected JsonNode awaitEnd(String tenant, String runId) {

		var ended = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			var run = httpGet("/api/sync/pricebook/runs/" + runId, tenant).body();
			ended[0] = run;
			return !"RUNNING".equals(run.path("status").asString());
		});
		return ended[0];
	}

	/** Starts a sync and waits for its end. */
	protected JsonNode sync(String tenant, String type) {

		var started = httpPost("/api/sync/pricebook/" + type, tenant);
		if (started.status() != 202) {
			throw new AssertionError("sync did not start: " + started);
		}
		return awaitEnd(tenant, started.body().path("syncRunId").asString());
	}

	/** What Prometheus scrapes now from {@code /actuator/prometheus} on the management port. */
	protected PrometheusScrape metrics() {
		return PrometheusScrape.fetch(managementPort);
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + port);
	}

	private Response call(RestClient.RequestHeadersSpec<?> request, @Nullable String tenant, @Nullable String token) {

		if (tenant != null) {
			request.header("X-Tenant-ID", tenant);
		}
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange((req, res) -> {
			var body = res.getBody().readAllBytes();
			return new Response(res.getStatusCode().value(), res.getHeaders(),
					body.length == 0 ? json.getNodeFactory().nullNode() : json.readTree(body));
		});
	}

	/** An HTTP answer of st-ingest. */
	protected record Response(int status, HttpHeaders headers, JsonNode body) {
	}

	protected static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status);
	}
}
