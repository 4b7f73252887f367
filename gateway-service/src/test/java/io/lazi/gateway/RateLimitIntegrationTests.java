package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.gateway.rate-limit.limit-for-period=3",
				"lazi.gateway.rate-limit.period=1m" })
class RateLimitIntegrationTests extends GatewayTestSupport {

	@RegisterExtension
	static final Upstream PRICEBOOK = Upstream.started("LAZI_PRICEBOOK_URL");

	static {
		PRICEBOOK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
	}

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, PRICEBOOK);
	}

	@Test
	void refusesATenantOverItsLimitWithRetryAfterWhileOthersGoOn() {

		var busy = GatewayIntegrationTests.tenant();
		var quiet = GatewayIntegrationTests.tenant();
		var token = Tokens.valid("u1", List.of(busy, quiet), List.of("VIEWER"));
		for (var i = 0; i < 3; i++) {
			get(token, busy).expectStatus().isOk();
		}

		get(token, busy).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "60")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://lazi.io/problems/rate-limited");
		get(token, quiet).expectStatus().isOk();
		PRICEBOOK.verify(4, anyRequestedFor(anyUrl()));
	}

	private WebTestClient.ResponseSpec get(String token, String tenant) {
		return send(HttpMethod.GET, "/api/pricebook/categories", token, tenant);
	}
}
