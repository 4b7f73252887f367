package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each service's OpenAPI document is reached through the gateway in that service's route group
 * (docs/architecture.md, "Gateway routes"), guarded like the group's reads: a token granting the tenant of
 * {@code X-Tenant-ID}, any role. Nothing is forwarded without one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiDocumentRoutingIntegrationTests extends GatewayTestSupport {

	@RegisterExtension
	static final Upstream INGEST = Upstream.started("LAZI_ST_INGEST_URL");

	@RegisterExtension
	static final Upstream PRICEBOOK = Upstream.started("LAZI_PRICEBOOK_URL");

	@RegisterExtension
	static final Upstream CRM = Upstream.started("LAZI_CRM_PIPELINE_URL");

	@RegisterExtension
	static final Upstream IMAGE = Upstream.started("LAZI_IMAGE_URL");

	@RegisterExtension
	static final Upstream NOTIFICATION = Upstream.started("LAZI_NOTIFICATION_URL");

	@RegisterExtension
	static final Upstream FIELD = Upstream.started("LAZI_FIELD_URL");

	/** Each service's document path, as its springdoc.api-docs.path names it. */
	private static final Map<String, Upstream> DOCUMENTS = Map.of("/api/sync/openapi", INGEST, "/api/pricebook/openapi",
			PRICEBOOK, "/api/crm/openapi", CRM, "/images/openapi", IMAGE, "/ws/openapi", NOTIFICATION, "/api/v2/openapi", FIELD);

	final String tenant = GatewayIntegrationTests.tenant();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, INGEST, PRICEBOOK, CRM, IMAGE, NOTIFICATION, FIELD);
	}

	@BeforeEach
	void answerWithADocument() {

		DOCUMENTS.values().forEach(upstream -> {
			upstream.resetAll();
			upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE)
				.withBody("{\"openapi\":\"3.1.0\"}")));
		});
	}

	@Test
	void routesEachDocumentToItsServiceWithTheCallersToken() {

		var token = Tokens.valid("viewer", List.of(tenant), List.of("VIEWER"));
		DOCUMENTS.forEach((path, service) -> {
			send(HttpMethod.GET, path, token, tenant).expectStatus().isOk().expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
			service.verify(getRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + token))
				.withHeader("X-Tenant-ID", equalTo(tenant)));
			DOCUMENTS.values().stream().filter(other -> other != service)
				.forEach(other -> assertThat(other.findAll(getRequestedFor(urlEqualTo(path)))).as(path).isEmpty());
		});
	}

	@Test
	void forwardsNoDocumentRequestWithoutATokenGrantingTheTenant() {

		var otherTenants = Tokens.valid("viewer", List.of(GatewayIntegrationTests.tenant()), List.of("VIEWER"));
		DOCUMENTS.keySet().forEach(path -> {
			expectProblem(http().get().uri(path).header("X-Tenant-ID", tenant).exchange(), HttpStatus.UNAUTHORIZED,
					"https://lazi.io/problems/unauthorized");
			expectProblem(send(HttpMethod.GET, path, otherTenants, tenant), HttpStatus.FORBIDDEN,
					"https://lazi.io/problems/forbidden");
		});
		DOCUMENTS.values().forEach(service -> assertThat(service.getAllServeEvents()).isEmpty());
	}
}
