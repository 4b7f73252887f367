package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * The consolidated reference's paths (docs/architecture.md, "Gateway routes"): {@code /api/v2/pricebook/**} is
 * pricebook-service's {@code /api/pricebook/**}, {@code POST /api/pricebook/categories/sync} (and its v2 path) starts
 * st-ingest's incremental pricebook pull, every other {@code /api/v2/**} path is field-service's. Each write is checked
 * at the gateway by the shared access rules on the path the client sent, so a refused one reaches no service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiV2RoutingIntegrationTests extends GatewayTestSupport {

	@RegisterExtension
	static final Upstream INGEST = Upstream.started("LAZI_ST_INGEST_URL");

	@RegisterExtension
	static final Upstream PRICEBOOK = Upstream.started("LAZI_PRICEBOOK_URL");

	@RegisterExtension
	static final Upstream FIELD = Upstream.started("LAZI_FIELD_URL");

	static final List<Upstream> UPSTREAMS = List.of(INGEST, PRICEBOOK, FIELD);

	final String tenant = GatewayIntegrationTests.tenant();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, INGEST, PRICEBOOK, FIELD);
	}

	@BeforeEach
	void answerEverything() {

		for (var upstream : UPSTREAMS) {
			upstream.resetAll();
			upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.withBody("{\"ok\":true}")));
		}
		PRICEBOOK.stubFor(WireMock.get(urlEqualTo("/api/pricebook/categories?depth=2"))
			.willReturn(aResponse().withStatus(200)
				.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.withBody("{\"items\":[{\"stId\":41000111,\"name\":\"Pool Pumps\"}],\"totalItems\":1}")));
		INGEST.stubFor(WireMock.post(urlEqualTo("/api/sync/pricebook/incremental"))
			.willReturn(aResponse().withStatus(202)
				.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.withBody("{\"syncRunId\":\"6f1c1a51-0e3b-4a8e-9d1e-1f2a3b4c5d6e\",\"syncType\":\"INCREMENTAL\"}")));
		FIELD.stubFor(WireMock.post(urlEqualTo("/api/v2/jobs/42/technicians"))
			.willReturn(aResponse().withStatus(202)
				.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.withBody("{\"commandId\":\"c-1\"}")));
	}

	@Test
	void routesTheDomainApiToFieldServiceWithTheCallersTokenAndTenant() {

		var token = Tokens.valid("tech", List.of(tenant), List.of("TECHNICIAN"));
		for (var path : List.of("/api/v2/customers?page=0&size=20", "/api/v2/jobs/42", "/api/v2/technicians",
				"/api/v2/openapi")) {
			send(HttpMethod.GET, path, token, tenant).expectStatus().isOk();
			FIELD.verify(getRequestedFor(urlEqualTo(path)).withHeader("X-Tenant-ID", equalTo(tenant))
				.withHeader("Authorization", equalTo("Bearer " + token)));
		}
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
		assertThat(INGEST.getAllServeEvents()).isEmpty();
	}

	@Test
	void answersTheReferencesPricebookPathsAsTheApiPaths() {

		var token = Tokens.valid("viewer", List.of(tenant), List.of("VIEWER"));
		var v1 = send(HttpMethod.GET, "/api/pricebook/categories?depth=2", token, tenant).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		var v2 = send(HttpMethod.GET, "/api/v2/pricebook/categories?depth=2", token, tenant).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(v2).isEqualTo(v1).contains("Pool Pumps");
		PRICEBOOK.verify(2, getRequestedFor(urlEqualTo("/api/pricebook/categories?depth=2"))
			.withHeader("X-Tenant-ID", equalTo(tenant)).withHeader("Authorization", equalTo("Bearer " + token)));
		send(HttpMethod.GET, "/api/v2/pricebook", token, tenant).expectStatus().isOk();
		PRICEBOOK.verify(getRequestedFor(urlEqualTo("/api/pricebook")));
		send(HttpMethod.GET, "/api/v2/pricebook/categories/41000111/children", token, tenant).expectStatus().isOk();
		PRICEBOOK.verify(getRequestedFor(urlEqualTo("/api/pricebook/categories/41000111/children")));
		// Encoded characters pass as the client sent them, neither decoded nor encoded twice.
		http().get()
			.uri(java.net.URI.create("http://localhost:" + port + "/api/v2/pricebook/services/a%20b?search=pool%20pump"))
			.headers(headers -> headers.setBearerAuth(token))
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isOk();
		PRICEBOOK.verify(getRequestedFor(urlEqualTo("/api/pricebook/services/a%20b?search=pool%20pump")));
		assertThat(PRICEBOOK.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith("/api/v2"));
		assertThat(FIELD.getAllServeEvents()).isEmpty();
	}

	@Test
	void letsOnlyPricebookWritersWriteThroughTheReferencesPricebookPaths() {

		for (var role : List.of("VIEWER", "TECHNICIAN", "DISPATCHER", "MANAGER")) {
			expectForbidden(withBody(HttpMethod.PATCH, "/api/v2/pricebook/categories/41000111", role, "{\"name\":\"x\"}"));
		}
		UPSTREAMS.forEach(upstream -> upstream.verify(0, anyRequestedFor(anyUrl())));

		withBody(HttpMethod.PATCH, "/api/v2/pricebook/categories/41000111", "ADMIN", "{\"name\":\"Pumps\"}").expectStatus().isOk();
		PRICEBOOK.verify(patchRequestedFor(urlEqualTo("/api/pricebook/categories/41000111"))
			.withHeader("X-Tenant-ID", equalTo(tenant))
			.withRequestBody(equalToJson("{\"name\":\"Pumps\"}")));
		assertThat(FIELD.getAllServeEvents()).isEmpty();
	}

	@Test
	void startsAnIncrementalPricebookPullFromTheReferencesSyncButton() {

		for (var path : List.of("/api/pricebook/categories/sync", "/api/v2/pricebook/categories/sync")) {
			var admin = Tokens.valid("admin", List.of(tenant), List.of("ADMIN"));
			send(HttpMethod.POST, path, admin, tenant).expectStatus().isAccepted().expectBody()
				.jsonPath("$.syncType").isEqualTo("INCREMENTAL");
			INGEST.verify(postRequestedFor(urlEqualTo("/api/sync/pricebook/incremental"))
				.withHeader("X-Tenant-ID", equalTo(tenant))
				.withHeader("Authorization", equalTo("Bearer " + admin)));
			INGEST.resetRequests();
		}
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
		assertThat(FIELD.getAllServeEvents()).isEmpty();

		// Other methods of the path stay pricebook-service's.
		send(HttpMethod.GET, "/api/pricebook/categories/sync", Tokens.valid("v", List.of(tenant), List.of("VIEWER")), tenant)
			.expectStatus().isOk();
		PRICEBOOK.verify(getRequestedFor(urlEqualTo("/api/pricebook/categories/sync")));
		assertThat(INGEST.getAllServeEvents()).isEmpty();
	}

	@Test
	void letsOnlyPricebookWritersPressTheSyncButton() {

		for (var role : List.of("VIEWER", "TECHNICIAN", "DISPATCHER", "MANAGER")) {
			for (var path : List.of("/api/pricebook/categories/sync", "/api/v2/pricebook/categories/sync")) {
				expectForbidden(send(HttpMethod.POST, path, Tokens.valid("u", List.of(tenant), List.of(role)), tenant));
			}
		}
		UPSTREAMS.forEach(upstream -> upstream.verify(0, anyRequestedFor(anyUrl())));
	}

	@Test
	void letsCustomerWritersAndNoOneElseWriteTheDomainApi() {

		for (var role : List.of("VIEWER", "TECHNICIAN")) {
			expectForbidden(withBody(HttpMethod.POST, "/api/v2/customers", role, "{\"name\":\"Ada Pools\"}"));
			expectForbidden(withBody(HttpMethod.PATCH, "/api/v2/appointments/7", role, "{\"start\":\"2026-12-08T09:00:00Z\"}"));
		}
		FIELD.verify(0, anyRequestedFor(anyUrl()));

		withBody(HttpMethod.POST, "/api/v2/customers", "DISPATCHER", "{\"name\":\"Ada Pools\"}").expectStatus().isOk();
		FIELD.verify(postRequestedFor(urlEqualTo("/api/v2/customers")).withHeader("X-Tenant-ID", equalTo(tenant))
			.withRequestBody(equalToJson("{\"name\":\"Ada Pools\"}")));
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void letsDispatchersButNotTechniciansAssignTechnicians() {

		var body = "{\"technicianIds\":[101,102]}";
		for (var role : List.of("VIEWER", "TECHNICIAN")) {
			expectForbidden(withBody(HttpMethod.POST, "/api/v2/jobs/42/technicians", role, body));
		}
		FIELD.verify(0, anyRequestedFor(anyUrl()));

		withBody(HttpMethod.POST, "/api/v2/jobs/42/technicians", "DISPATCHER", body).expectStatus().isAccepted()
			.expectBody().jsonPath("$.commandId").isEqualTo("c-1");
		FIELD.verify(postRequestedFor(urlEqualTo("/api/v2/jobs/42/technicians")).withHeader("X-Tenant-ID", equalTo(tenant))
			.withRequestBody(equalToJson(body)));
	}

	@Test
	void letsOnlyOwnersAndAdminsSwitchProviders() {

		var body = "{\"customers\":\"hybrid\"}";
		for (var role : List.of("VIEWER", "TECHNICIAN", "DISPATCHER", "MANAGER")) {
			expectForbidden(withBody(HttpMethod.PUT, "/api/v2/providers", role, body));
		}
		FIELD.verify(0, anyRequestedFor(anyUrl()));

		for (var role : List.of("OWNER", "ADMIN")) {
			withBody(HttpMethod.PUT, "/api/v2/providers", role, body).expectStatus().isOk();
		}
		FIELD.verify(2, putRequestedFor(urlEqualTo("/api/v2/providers")).withRequestBody(equalToJson(body)));
		// Reading them is any role's.
		send(HttpMethod.GET, "/api/v2/providers", Tokens.valid("v", List.of(tenant), List.of("VIEWER")), tenant)
			.expectStatus().isOk();
	}

	@Test
	void forwardsNothingOfTheDomainApiWithoutATokenGrantingTheTenant() {

		expectProblem(http().get().uri("/api/v2/customers").header("X-Tenant-ID", tenant).exchange(), HttpStatus.UNAUTHORIZED,
				"https://lazi.io/problems/unauthorized");
		var otherTenant = Tokens.valid("admin", List.of(GatewayIntegrationTests.tenant()), List.of("OWNER"));
		expectProblem(send(HttpMethod.GET, "/api/v2/customers", otherTenant, tenant), HttpStatus.FORBIDDEN,
				"https://lazi.io/problems/forbidden");
		expectProblem(send(HttpMethod.GET, "/api/v2/pricebook/categories", otherTenant, tenant), HttpStatus.FORBIDDEN,
				"https://lazi.io/problems/forbidden");
		UPSTREAMS.forEach(upstream -> assertThat(upstream.getAllServeEvents()).isEmpty());
	}

	private ResponseSpec withBody(HttpMethod method, String uri, String role, String json) {

		return http().method(method)
			.uri(uri)
			.headers(headers -> headers.setBearerAuth(Tokens.valid(role.toLowerCase(java.util.Locale.ROOT), List.of(tenant),
					List.of(role))))
			.header("X-Tenant-ID", tenant)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private static void expectForbidden(ResponseSpec response) {
		expectProblem(response, HttpStatus.FORBIDDEN, "https://lazi.io/problems/forbidden");
	}
}
