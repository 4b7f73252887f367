package io.lazi.crm.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.platform.test.TestTokens;

/**
 * {@code POST /api/crm/sync/trigger} through st-ingest's {@code /internal/sync/crm/full} with this
 * service's own {@code internal:sync} token (WireMock stands in for st-ingest): 202 with st-ingest's
 * run id; 409 naming the running run when st-ingest already runs a CRM sync of the tenant; 502 when
 * st-ingest fails.
 */
@CrmIntegrationTest
class SyncTriggerIntegrationTests {

	private static final String TENANT = "7000000001";

	@RegisterExtension
	static final WireMockExtension ST_INGEST = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void stIngest(DynamicPropertyRegistry registry) {
		registry.add("lazi.crm.sync.st-ingest-url", ST_INGEST::baseUrl);
	}

	@Test
	void answersWithTheRunStIngestStarted() {

		ST_INGEST.stubFor(post("/internal/sync/crm/full").willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"syncRunId\":\"6c3a7c07-a199-4c05-b8dd-02c93f7930cd\",\"status\":\"RUNNING\",\"syncType\":\"FULL\"}")));

		assertThat(trigger()).hasStatus(202)
			.bodyJson()
			.hasPathSatisfying("$.syncRunId", id -> assertThat(id).isEqualTo("6c3a7c07-a199-4c05-b8dd-02c93f7930cd"))
			.hasPathSatisfying("$.statusUrl", url -> assertThat(url).isEqualTo("/api/crm/sync/status"));
		ST_INGEST.verify(postRequestedFor(urlEqualTo("/internal/sync/crm/full")).withHeader("X-Tenant-ID", equalTo(TENANT)));
		var authorization = ST_INGEST.findAll(postRequestedFor(urlEqualTo("/internal/sync/crm/full")))
			.getFirst()
			.getHeader("Authorization");
		assertThat(authorization).startsWith("Bearer ");
		assertThat(TestTokens.verifiedClaims(authorization.substring("Bearer ".length())))
			.containsEntry("sub", "crm-pipeline-service")
			.containsEntry("scope", "internal:sync")
			.containsEntry("aud", List.of("st-ingest-service"));
	}

	@Test
	void namesTheRunningRunWhenStIngestAlreadyRunsOne() {

		ST_INGEST.stubFor(post("/internal/sync/crm/full").willReturn(aResponse().withStatus(409)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\":\"https://lazi.io/problems/conflict\",\"title\":\"Sync already running\",\"status\":409,"
					+ "\"syncRunId\":\"11111111-2222-3333-4444-555555555555\"}")));

		assertThat(trigger()).hasStatus(409)
			.bodyJson()
			.hasPathSatisfying("$.type", type -> assertThat(type).isEqualTo("https://lazi.io/problems/conflict"))
			.hasPathSatisfying("$.syncRunId", id -> assertThat(id).isEqualTo("11111111-2222-3333-4444-555555555555"));
	}

	@Test
	void refusesATriggerOfAUserWhoMayNotWriteCustomers() {

		assertThat(mvc.post()
			.uri("/api/crm/sync/trigger")
			.header("X-Tenant-ID", TENANT)
			.header("Authorization", "Bearer " + TestTokens.user(TENANT, "VIEWER"))).hasStatus(403);
		assertThat(mvc.post().uri("/api/crm/sync/trigger").header("X-Tenant-ID", TENANT)).hasStatus(401);
		ST_INGEST.verify(0, postRequestedFor(urlEqualTo("/internal/sync/crm/full")));
	}

	@Test
	void answers502WhenStIngestFails() {

		ST_INGEST.stubFor(post("/internal/sync/crm/full").willReturn(aResponse().withStatus(500)));

		assertThat(trigger()).hasStatus(502)
			.bodyJson()
			.hasPathSatisfying("$.type", type -> assertThat(type).isEqualTo("https://lazi.io/problems/upstream-unavailable"));
	}

	private MockMvcTester.MockMvcRequestBuilder trigger() {
		return mvc.post()
			.uri("/api/crm/sync/trigger")
			.header("X-Tenant-ID", TENANT)
			.header("Authorization", "Bearer " + TestTokens.user(TENANT, "OWNER"));
	}
}
