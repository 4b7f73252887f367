package io.lazi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.lazi.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service whose identity provider's JWK set cannot be fetched (nothing listens on its port): a valid
 * token cannot be checked, and the caller gets a 503 problem with {@code Retry-After}, not the container's bare
 * 500 nor a 401 that would send a user back to sign in.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=image-service", "lazi.security.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks" })
class UnreachableKeysIntegrationTests {

	private static final String TENANT = "3222348440";

	@LocalServerPort
	int port;

	@Test
	void answers503WithRetryAfterWhenTheKeysCannotBeFetched() throws Exception {

		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/pricebook/things"))
			.header("Authorization", "Bearer " + TestTokens.user(TENANT, "VIEWER"))
			.header("X-Tenant-ID", TENANT)
			.build();
		HttpResponse<String> response;
		try (var http = HttpClient.newHttpClient()) {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		var problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://lazi.io/problems/authentication-unavailable");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/pricebook/things");
	}
}
