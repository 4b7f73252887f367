package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JSON bodies over 1 MB answer 413 at the gateway, with or without a declared length, and reach no
 * service; a body under the limit is forwarded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonBodyLimitIntegrationTests extends GatewayTestSupport {

	@RegisterExtension
	static final Upstream PRICEBOOK = Upstream.started("LAZI_PRICEBOOK_URL");

	final String tenant = GatewayIntegrationTests.tenant();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, PRICEBOOK);
	}

	@BeforeEach
	void answerEverything() {
		PRICEBOOK.resetAll();
		PRICEBOOK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@Test
	void refusesADeclaredJsonBodyOverTheLimitWithoutForwardingIt() throws Exception {

		var response = post(BodyPublishers.ofString(body(1_100_000)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("https://lazi.io/problems/content-too-large");
		assertThat(PRICEBOOK.getAllServeEvents()).isEmpty();
	}

	@Test
	void refusesAStreamedJsonBodyOverTheLimit() throws Exception {

		var bytes = body(1_100_000).getBytes(StandardCharsets.UTF_8);
		var response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("https://lazi.io/problems/content-too-large");
	}

	@Test
	void forwardsABodyUnderTheLimit() throws Exception {

		assertThat(post(BodyPublishers.ofString(body(900_000))).statusCode()).isEqualTo(200);
		assertThat(PRICEBOOK.getAllServeEvents()).hasSize(1);
	}

	private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {

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
}
