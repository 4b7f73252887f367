package io.lazi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway when the identity provider's JWK set cannot be fetched (nothing listens on its port): a valid
 * token cannot be checked, so the browser gets a 503 problem with {@code Retry-After} (retry, do not sign in
 * again) and nothing reaches the upstream.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "lazi.security.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks")
class UnreachableKeysIntegrationTests extends GatewayTestSupport {

	@RegisterExtension
	static final Upstream PRICEBOOK = Upstream.started("LAZI_PRICEBOOK_URL");

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstream.publish(registry, PRICEBOOK);
	}

	@Test
	void answers503WithRetryAfterAndForwardsNothing() {

		var tenant = GatewayIntegrationTests.tenant();
		var response = send(HttpMethod.GET, "/api/pricebook/categories", Tokens.valid("u1", List.of(tenant),
				List.of("VIEWER")), tenant);

		response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
		expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "https://lazi.io/problems/authentication-unavailable");
		PRICEBOOK.verify(0, anyRequestedFor(anyUrl()));
	}
}
