package io.lazi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * {@link InternalClient} against a real servlet service: the tenant travels in its header and the
 * credentials interceptor's bearer with it, 404 is absence, other error answers, unreachable services and
 * failing credentials are {@link InternalCallException}s; an {@code lb://} base URL spreads the calls over
 * the service's instances and passes over one that refuses connections.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InternalClientIntegrationTests {

	private static final Tenant TENANT = new Tenant("3222348440");

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder builder;

	InternalClient client;

	/** Stands in for the service's client-credentials interceptor. */
	static final ClientHttpRequestInterceptor CREDENTIALS = (request, body, execution) -> {
		request.getHeaders().setBearerAuth("service-token");
		return execution.execute(request, body);
	};

	@Autowired
	SimpleDiscoveryProperties discovery;

	@BeforeEach
	void client() {
		client = new InternalClient(builder, "test-service", URI.create("http://localhost:" + port + "/"), Duration.ofSeconds(5),
				CREDENTIALS);
	}

	@Test
	void getsBytesAndTypeAsTheTenant() {

		var content = client.get(TENANT, "/files/{name}", "a b.png").orElseThrow();

		assertThat(new String(content.bytes())).isEqualTo("3222348440:a b.png");
		assertThat(content.contentType()).isEqualTo(MediaType.IMAGE_PNG);
	}

	@Test
	void treats404AsAbsentAndOtherErrorsAsFailures() {

		assertThat(client.get(TENANT, "/files/missing")).isEmpty();
		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> client.get(TENANT, "/files/a?status=503"))
			.withMessage("test-service answered 503")
			.satisfies(ex -> assertThat(ex.status()).hasValue(503));
	}

	@Test
	@SuppressWarnings("unchecked")
	void postsAsTheTenantAndReadsTheJsonAnswer() {

		Map<String, Object> answer = client.post(TENANT, Map.class, "/runs");

		assertThat(answer).containsEntry("tenant", "3222348440").containsEntry("authorization", "Bearer service-token");
		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> client.post(TENANT, Map.class, "/runs?status=500"))
			.withMessage("test-service answered 500");
	}

	@Test
	void carriesTheProblemAnErrorAnswerSent() {

		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> client.post(TENANT, Map.class, "/busy"))
			.withMessage("test-service answered 409")
			.satisfies(ex -> assertThat(ex.problem()).hasValueSatisfying(problem -> {
				assertThat(problem.getDetail()).isEqualTo("A run of tenant 3222348440 is already running");
				assertThat(problem.getProperties()).containsEntry("syncRunId", "run-7");
			}));
		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> client.post(TENANT, Map.class, "/runs?status=500"))
			.satisfies(ex -> assertThat(ex.problem()).isEmpty());
	}

	@Test
	void reportsAnUnreachableServiceWithoutAStatus() {

		var closed = new InternalClient(builder, "gone-service", URI.create("http://localhost:1"), Duration.ofSeconds(2),
				CREDENTIALS);

		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> closed.get(TENANT, "/files/a"))
			.withMessageStartingWith("gone-service unreachable")
			.satisfies(ex -> assertThat(ex.status()).isEmpty());
	}

	@Test
	void reportsCredentialsThatCouldNotBeObtained() {

		ClientHttpRequestInterceptor refused = (request, body, execution) -> {
			throw new IllegalStateException("[invalid_client] the identity provider refused the client");
		};
		var unauthenticated = new InternalClient(builder, "test-service", URI.create("http://localhost:" + port + "/"),
				Duration.ofSeconds(5), refused);

		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> unauthenticated.post(TENANT, Map.class, "/runs"))
			.withMessage("test-service could not be called: [invalid_client] the identity provider refused the client")
			.satisfies(ex -> assertThat(ex.status()).isEmpty());
	}

	@Test
	void spreadsLoadBalancedCallsOverTheInstancesAndPassesOverOneThatIsDown() {

		// Two names of this one server tell the instances apart; port 1 refuses connections.
		discovery.getInstances().put("web-service", List.of(instance("web-service", "localhost", port),
				instance("web-service", "127.0.0.1", port), instance("web-service", "localhost", 1)));
		var balanced = new InternalClient(builder, "web-service", URI.create("lb://web-service"), Duration.ofSeconds(5),
				CREDENTIALS);

		var hosts = new HashSet<String>();
		for (var call = 0; call < 9; call++) {
			hosts.add(new String(balanced.get(TENANT, "/host").orElseThrow().bytes()));
		}

		assertThat(hosts).containsExactlyInAnyOrder("localhost:" + port, "127.0.0.1:" + port);
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = balanced.post(TENANT, Map.class, "/runs");
		assertThat(answer).containsEntry("tenant", "3222348440").containsEntry("authorization", "Bearer service-token");
	}

	@Test
	void reportsAServiceWithoutInstancesAsUnreachable() {

		var unknown = new InternalClient(builder, "unknown-service", URI.create("lb://unknown-service"),
				Duration.ofSeconds(2), CREDENTIALS);

		assertThatExceptionOfType(InternalCallException.class).isThrownBy(() -> unknown.get(TENANT, "/files/a"))
			.withMessageStartingWith("unknown-service unreachable")
			.withMessageContaining("No instance of unknown-service")
			.satisfies(ex -> assertThat(ex.status()).isEmpty());
	}

	private static InstanceProperties instance(String service, String host, int port) {

		var instance = new InstanceProperties();
		instance.setServiceId(service);
		instance.setUri(URI.create("http://" + host + ":" + port));
		return instance;
	}
}
