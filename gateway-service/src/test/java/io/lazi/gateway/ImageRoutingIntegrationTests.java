package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

/** {@code /images/**} reaches image-service: reads need {@code pricebook:read}, uploads {@code pricebook:write}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.gateway.jwt.hmac-secret=" + Tokens.SECRET, "lazi.gateway.jwt.issuer=" + Tokens.ISSUER })
class ImageRoutingIntegrationTests {

	static final WireMockServer IMAGE = new WireMockServer(options().dynamicPort());

	static {
		IMAGE.start();
	}

	@LocalServerPort
	int port;

	final String tenant = GatewayIntegrationTests.tenant();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("LAZI_IMAGE_URL", IMAGE::baseUrl);
	}

	@AfterAll
	static void stop() {
		IMAGE.stop();
	}

	@BeforeEach
	void answerEverything() {
		IMAGE.resetAll();
		IMAGE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
			.withBody(new byte[] { (byte) 0x89, 'P', 'N', 'G' })));
	}

	@Test
	void routesImageReadsOfAnyRoleWithTheTrustedTenant() {

		http().get()
			.uri("/images/db/subcategories/41000111")
			.headers(h -> h.setBearerAuth(Tokens.valid("tech", List.of(tenant), List.of("TECHNICIAN"))))
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG);
		IMAGE.verify(getRequestedFor(urlPathEqualTo("/images/db/subcategories/41000111"))
			.withHeader("X-Tenant-ID", equalTo(tenant)));
	}

	@Test
	void letsOnlyWritersUpload() {

		http().post()
			.uri("/images/uploads")
			.headers(h -> h.setBearerAuth(Tokens.valid("viewer", List.of(tenant), List.of("VIEWER"))))
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isForbidden();
		IMAGE.verify(0, anyRequestedFor(anyUrl()));

		http().post()
			.uri("/images/uploads")
			.headers(h -> h.setBearerAuth(Tokens.valid("admin", List.of(tenant), List.of("ADMIN"))))
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isOk();
		IMAGE.verify(postRequestedFor(urlPathEqualTo("/images/uploads")));
	}

	@Test
	void refusesImagesWithoutATokenAndNeverRoutesInternalPaths() {

		http().get().uri("/images/db/categories/1").header("X-Tenant-ID", tenant).exchange().expectStatus().isUnauthorized();
		http().get()
			.uri("/internal/servicetitan/images?path=Images/x.png")
			.headers(h -> h.setBearerAuth(Tokens.valid("admin", List.of(tenant), List.of("ADMIN"))))
			.header("X-Tenant-ID", tenant)
			.exchange()
			.expectStatus()
			.isNotFound();
		IMAGE.verify(0, anyRequestedFor(anyUrl()));
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(15)).build();
	}
}
