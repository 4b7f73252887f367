package io.lazi.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lazi.identityprovider.clients.ServiceClient;

/** Health is open on the management port (what the local stack waits for) and absent from the main port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {

		var directory = Files.createTempDirectory("identity-provider-test");
		registry.add("lazi.identity-provider.key-file", () -> directory.resolve("signing-key.json").toString());
		registry.add("lazi.identity-provider.users-password", () -> "password");
		for (var service : ServiceClient.values()) {
			registry.add("lazi.identity-provider.client-secrets[" + service.clientId() + "]", () -> "secret");
		}
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void healthIsOnTheManagementPortOnly() throws Exception {

		var client = HttpClient.newHttpClient();
		var health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");

		var main = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		// The main port has no actuator: the request meets the login form like any unknown page.
		assertThat(main.statusCode()).isEqualTo(302);
		assertThat(main.body()).doesNotContain("UP");
	}
}
