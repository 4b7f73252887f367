package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.ApplicationContext;

import io.lazi.platform.test.HealthGroups;
import io.lazi.platform.test.PrometheusScrape;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s" })
class GatewayIntegrationTests extends GatewayTestSupport {

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@RegisterExtension
	static final Upstream INGEST = Upstream.started("LAZI_ST_INGEST_URL");

	@RegisterExtension
	static final Upstream PRICEBOOK = Upstream.started("LAZI_PRICEBOOK_URL");

	final String tenant = tenant();

	final String otherTenant = tenant();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, INGEST, PRICEBOOK);
	}

	@BeforeEach
	void answerEverything() {

		for (var upstream : List.of(INGEST, PRICEBOOK)) {
			upstream.resetAll();
			upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.withBody("{\"ok\":true}")));
		}
		INGEST.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/sync/pricebook/full"))
			.willReturn(aResponse().withStatus(202)));
	}

	@Test
	void refusesARequestWithoutAToken() {

		http().get()
			.uri("/api/pricebook/categories")
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://lazi.io/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401);
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void refusesExpiredForgedUnsignedForeignAndOverlongTokens() {

		var roles = List.of("ADMIN");
		var tenants = List.of(tenant);
		for (var token : Tokens.invalid("u1", tenants, roles)) {
			send(HttpMethod.GET, "/api/pricebook/categories", token, tenant).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://lazi.io/problems/unauthorized");
		}
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void requiresExactlyOneTenantHeaderOnTheApi() {

		var token = Tokens.valid("u1", List.of(tenant, otherTenant), List.of("VIEWER"));
		for (var tenants : List.of(List.<String>of(), List.of(tenant, otherTenant), List.of(tenant + "," + otherTenant),
				List.of("abc"))) {
			http().get()
				.uri("/api/pricebook/categories")
				.headers(headers -> {
					headers.setBearerAuth(token);
					headers.put("X-Tenant-ID", tenants);
				})
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://lazi.io/problems/missing-tenant")
				.jsonPath("$.field")
				.isEqualTo("X-Tenant-ID");
		}
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void forbidsATenantTheTokenDoesNotGrant() {

		expectProblem(send(HttpMethod.GET, "/api/pricebook/categories", Tokens.valid("u1", List.of(tenant), List.of("OWNER")),
				otherTenant), HttpStatus.FORBIDDEN, "https://lazi.io/problems/forbidden");
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void routesToTheServiceWithTheCallersTokenAndWithoutClientSentIdentityHeaders() {

		var token = Tokens.valid("user-7", List.of(tenant), List.of("VIEWER", "PIRATE"));
		http().get()
			.uri("/api/pricebook/categories?depth=2")
			.headers(headers -> headers.setBearerAuth(token))
			.header("X-Tenant-ID", tenant)
			.header("X-User-Roles", "OWNER")
			.header("X-User-Id", "admin")
			.header("X-User-Email", "boss@example.com")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ok")
			.isEqualTo(true);

		PRICEBOOK.verify(getRequestedFor(urlEqualTo("/api/pricebook/categories?depth=2"))
			.withHeader("X-Tenant-ID", equalTo(tenant))
			.withHeader("Authorization", equalTo("Bearer " + token))
			.withoutHeader("X-User-Id")
			.withoutHeader("X-User-Roles")
			.withoutHeader("X-User-Email"));
		var received = PRICEBOOK.getAllServeEvents().getFirst().getRequest();
		assertThat(received.getHeaders().getHeader("X-Tenant-ID").values()).containsExactly(tenant);
		assertThat(INGEST.getAllServeEvents()).isEmpty();
	}

	@Test // GH-13
	@ExtendWith(OutputCaptureExtension.class)
	void continuesTheCallersTraceToTheServiceAndLogsTheRequestInItsTraceAndTenant(CapturedOutput output) {

		var traceId = "4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
		send(HttpMethod.GET, "/api/pricebook/categories?page=2", Tokens.valid("u1", List.of(tenant), List.of("VIEWER")),
				tenant, "00-" + traceId + "-00f067aa0ba902b7-01")
			.expectStatus()
			.isOk();

		var routed = PRICEBOOK.getAllServeEvents().getFirst().getRequest().getHeader("traceparent");
		assertThat(routed).as("the service's request continues the caller's trace from the gateway's span")
			.startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
		assertThat(output.getOut()).as("one access-log line in the trace and tenant, without the query")
			.containsPattern("\\[" + traceId + ",\\w{16}," + tenant + "\\] .*AccessLogFilter +: GET /api/pricebook/categories 200 \\d+ ms");
	}

	@Test
	void letsOnlyOwnersAndAdminsTriggerASync() {

		expectProblem(send(HttpMethod.POST, "/api/sync/pricebook/full", Tokens.valid("viewer", List.of(tenant), List.of("VIEWER")),
				tenant), HttpStatus.FORBIDDEN, "https://lazi.io/problems/forbidden");
		INGEST.verify(0, anyRequestedFor(anyUrl()));

		var admin = Tokens.valid("admin", List.of(tenant), List.of("ADMIN"));
		send(HttpMethod.POST, "/api/sync/pricebook/full", admin, tenant).expectStatus().isAccepted();
		INGEST.verify(postRequestedFor(urlPathEqualTo("/api/sync/pricebook/full"))
			.withHeader("X-Tenant-ID", equalTo(tenant))
			.withHeader("Authorization", equalTo("Bearer " + admin)));
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void acceptsNoAccessTokenInTheQueryOfApiRequests() {

		var token = Tokens.valid("u1", List.of(tenant), List.of("ADMIN"));
		http().get()
			.uri("/api/pricebook/categories?access_token=" + token)
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void answersHealthAndMetricsTaggedWithTheApplicationWithoutATokenOnTheManagementPortOnly() {

		var management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
		management.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("UP");
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		// No database or broker of its own: nothing but the availability states decides the probes.
		assertThat(HealthGroups.members(context, "readiness")).containsExactly("readinessState");
		assertThat(HealthGroups.members(context, "liveness")).containsExactly("livenessState");
		var owner = Tokens.valid("admin", List.of(tenant), List.of("OWNER"));
		send(HttpMethod.GET, "/api/pricebook/categories", owner, tenant).expectStatus().isOk();
		// Scraped as Prometheus does: the routed request answered, its call to the service by route, each series
		// naming the gateway.
		var metrics = PrometheusScrape.fetch(managementPort);
		assertThat(metrics.find("http_server_requests_seconds_bucket", "method", "GET", "status", "200", "le", "0.5"))
			.isNotEmpty();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "spring_cloud_gateway_route_id", "pricebook",
				"http_status_code", "200")).isNotEmpty();
		assertThat(metrics.without("application", "gateway-service")).isEmpty();
		for (var path : List.of("/actuator/health", "/actuator/prometheus")) {
			http().get().uri(path).exchange().expectStatus().isUnauthorized();
			expectProblem(send(HttpMethod.GET, path, owner, tenant), HttpStatus.NOT_FOUND, "https://lazi.io/problems/not-found");
		}
	}

	@Test
	void neverExposesTheGatewayActuator() {

		var admin = Tokens.valid("admin", List.of(tenant), List.of("OWNER"));
		for (var path : List.of("/actuator/gateway", "/actuator/gateway/routes", "/actuator/gateway/refresh")) {
			http().get().uri(path).exchange().expectStatus().isUnauthorized();
			http().get()
				.uri(path)
				.headers(headers -> headers.setBearerAuth(admin))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://lazi.io/problems/not-found");
		}
		http().post()
			.uri("/actuator/gateway/routes/evil")
			.headers(headers -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"uri\":\"http://example.com\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void allowsConfiguredBrowserOriginsOnly() {

		http().options()
			.uri("/api/pricebook/categories")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,x-tenant-id")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
		http().options()
			.uri("/api/pricebook/categories")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void answersGatewayTimeoutWhenAServiceHangs() {

		PRICEBOOK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/pricebook/slow"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));

		send(HttpMethod.GET, "/api/pricebook/slow", Tokens.valid("u1", List.of(tenant), List.of("VIEWER")), tenant)
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://lazi.io/problems/upstream-timeout");
	}

	// JSON bodies over 1 MB answer 413 at the gateway, with or without a declared length, and reach no service.

	@Test
	void refusesADeclaredJsonBodyOverTheLimitWithoutForwardingIt() throws Exception {

		var response = putJson(BodyPublishers.ofString(body(1_100_000)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("https://lazi.io/problems/content-too-large");
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void refusesAStreamedJsonBodyOverTheLimit() throws Exception {

		var bytes = body(1_100_000).getBytes(StandardCharsets.UTF_8);
		var response = putJson(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("https://lazi.io/problems/content-too-large");
	}

	@Test
	void forwardsABodyUnderTheLimit() throws Exception {

		assertThat(putJson(BodyPublishers.ofString(body(900_000))).statusCode()).isEqualTo(200);
		assertThat(PRICEBOOK.getAllServeEvents()).hasSize(1);
	}

	private HttpResponse<String> putJson(HttpRequest.BodyPublisher body) throws Exception {

		var token = Tokens.valid("admin", List.of(tenant), List.of("ADMIN"));
		try (var client = HttpClient.newHttpClient()) {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/pricebook/categories/1/override"))
				.header("Authorization", "Bearer " + token)
				.header("X-Tenant-ID", tenant)
				.header("Content-Type", "application/json")
				.PUT(body)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private static String body(int nameLength) {
		return "{\"name\":\"" + "x".repeat(nameLength) + "\"}";
	}

	/** The console at {@code /}, in this class's context so that it costs no second gateway start. */
	@Nested
	class ConsoleServing {

		@Test
		void servesTheConsoleWithoutATokenAndRevalidatesIt() {

			var index = http().get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.cacheControl(CacheControl.noCache())
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(index).contains("<div id=\"root\"></div>").containsPattern("/assets/index-[\\w-]+\\.js");
		}

		@Test
		void answersIndexForEveryClientRoute() {

			var index = page("/");
			for (var route : List.of("/pricebook", "/pricebook/40000001", "/sync", "/pipelines/sales")) {
				assertThat(page(route)).as(route).isEqualTo(index);
			}
		}

		@Test
		void cachesHashedAssetsForAYear() throws Exception {

			var script = java.util.regex.Pattern.compile("/assets/index-[\\w-]+\\.js").matcher(page("/"));
			assertThat(script.find()).isTrue();
			http().get()
				.uri(script.group())
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
				.expectHeader()
				.contentTypeCompatibleWith("text/javascript");
			// A client that does not unzip, so the header stays as the gateway sent it.
			try (var client = HttpClient.newHttpClient()) {
				var gzipped = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + script.group()))
					.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
				var plain = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + script.group())).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
			}
		}

		@Test
		void allowsOnlyWhatTheConsoleLoads() {

			var policy = http().get().uri("/pricebook").exchange().expectStatus().isOk().returnResult(String.class)
				.getResponseHeaders().getFirst("Content-Security-Policy");
			var issuer = io.lazi.platform.test.TestIdentityProvider.get().issuer();
			assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
					"img-src 'self' data: blob:", "connect-src 'self' " + java.net.URI.create(issuer).resolve("/").toString().replaceAll("/$", ""),
					"object-src 'none'", "frame-ancestors 'none'");
			assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
		}

		@Test
		void tellsTheConsoleItsIdentityProvider() {

			http().get()
				.uri("/console-config.json")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.cacheControl(CacheControl.noCache())
				.expectBody()
				.jsonPath("$.authority")
				.isEqualTo(io.lazi.platform.test.TestIdentityProvider.get().issuer())
				.jsonPath("$.clientId")
				.isEqualTo("lazi-console")
				.jsonPath("$.scope")
				.isEqualTo("openid profile");
		}

		@Test
		void keepsTheApisTokenOnly() {

			for (var path : List.of("/api/pricebook/categories", "/api/unknown", "/images/db/categories/1", "/ws",
					"/actuator/health", "/internal/uploads/1")) {
				var status = http().get().uri(path).header("X-Tenant-ID", tenant).exchange().returnResult(String.class)
					.getStatus();
				assertThat(status.value()).as(path).isIn(401, 403);
			}
			// API answers are not compressed by the gateway.
			send(HttpMethod.GET, "/api/pricebook/categories", Tokens.valid("admin", List.of(tenant), List.of("ADMIN")), tenant)
				.expectHeader()
				.doesNotExist(HttpHeaders.CONTENT_ENCODING);
			http().post().uri("/pricebook").exchange().expectStatus().isUnauthorized();
		}

		@Test
		void answersNotFoundForAMissingFile() {
			http().get().uri("/missing.js").exchange().expectStatus().isNotFound();
			http().get().uri("/assets/missing-0000.js").exchange().expectStatus().isNotFound();
		}

		private String page(String path) {
			return http().get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
				.getResponseBody();
		}
	}

	static String tenant() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
	}
}
