package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code /images/**} reaches image-service: reads need {@code pricebook:read}, uploads {@code pricebook:write}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {})
class ImageRoutingIntegrationTests extends GatewayTestSupport {

	@RegisterExtension
	static final Upstream IMAGE = Upstream.started("LAZI_IMAGE_URL");

	final String tenant = GatewayIntegrationTests.tenant();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, IMAGE);
	}

	@BeforeEach
	void answerEverything() {
		IMAGE.resetAll();
		IMAGE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
			.withBody(new byte[] { (byte) 0x89, 'P', 'N', 'G' })));
	}

	@Test
	void routesImageReadsOfAnyRoleWithTheTrustedTenant() {

		send(HttpMethod.GET, "/images/db/subcategories/41000111", Tokens.valid("tech", List.of(tenant), List.of("TECHNICIAN")),
				tenant)
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG);
		IMAGE.verify(getRequestedFor(urlPathEqualTo("/images/db/subcategories/41000111"))
			.withHeader("X-Tenant-ID", equalTo(tenant)));
	}

	@Test
	void letsOnlyWritersUpload() {

		send(HttpMethod.POST, "/images/uploads", Tokens.valid("viewer", List.of(tenant), List.of("VIEWER")), tenant).expectStatus()
			.isForbidden();
		IMAGE.verify(0, anyRequestedFor(anyUrl()));

		send(HttpMethod.POST, "/images/uploads", Tokens.valid("admin", List.of(tenant), List.of("ADMIN")), tenant).expectStatus()
			.isOk();
		IMAGE.verify(postRequestedFor(urlPathEqualTo("/images/uploads")));
	}

	@Test
	void refusesImagesWithoutATokenAndNeverRoutesInternalPaths() {

		http().get().uri("/images/db/categories/1").header("X-Tenant-ID", tenant).exchange().expectStatus().isUnauthorized();
		send(HttpMethod.GET, "/internal/servicetitan/images?path=Images/x.png",
				Tokens.valid("admin", List.of(tenant), List.of("ADMIN")), tenant)
			.expectStatus()
			.isForbidden();
		IMAGE.verify(0, anyRequestedFor(anyUrl()));
	}
}
