package io.lazi.gateway;

import java.time.Duration;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Calls the gateway running on its random port, the way a signed-in client would. */
abstract class GatewayTestSupport {

	@LocalServerPort
	int port;

	/** A client for the running gateway; 15 s leaves room for the upstream-timeout case. */
	WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(15)).build();
	}

	/** Sends a body-less request with {@code token} as the bearer and {@code tenant} as the one tenant header. */
	ResponseSpec send(HttpMethod method, String uri, String token, String tenant) {

		return http().method(method)
			.uri(uri)
			.headers(headers -> headers.setBearerAuth(token))
			.header("X-Tenant-ID", tenant)
			.exchange();
	}

	/** {@link #send(HttpMethod, String, String, String)} as part of the caller's trace: a W3C {@code traceparent}. */
	ResponseSpec send(HttpMethod method, String uri, String token, String tenant, String traceparent) {

		return http().method(method)
			.uri(uri)
			.headers(headers -> headers.setBearerAuth(token))
			.header("X-Tenant-ID", tenant)
			.header("traceparent", traceparent)
			.exchange();
	}

	/** Expects a problem answer of {@code status} whose {@code type} member is {@code type}. */
	static BodyContentSpec expectProblem(ResponseSpec response, HttpStatus status, String type) {
		return response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.type").isEqualTo(type);
	}
}
