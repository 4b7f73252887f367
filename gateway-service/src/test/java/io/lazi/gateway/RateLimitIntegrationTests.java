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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One replica of two sharing a tenant budget of 6 requests a minute: this replica allows its half, 3.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lazi.gateway.rate-limit.limit-for-period=6", "lazi.gateway.rate-limit.replicas=2",
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

	@Test // GH-12
	void allowsItsShareOfTheBudgetWhenReplicasShareItThenAnswersAProblem() {

		var tenant = GatewayIntegrationTests.tenant();
		var token = Tokens.valid("u2", List.of(tenant), List.of("VIEWER"));
		for (var i = 0; i < 6 / 2; i++) {
			get(token, tenant).expectStatus().isOk();
		}

		get(token, tenant).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "60")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://lazi.io/problems/rate-limited")
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.detail")
			.isEqualTo("Tenant " + tenant + " sent too many requests; retry after 60 s");
	}

	private WebTestClient.ResponseSpec get(String token, String tenant) {
		return send(HttpMethod.GET, "/api/pricebook/categories", token, tenant);
	}
}
