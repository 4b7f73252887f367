package io.lazi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.lazi.platform.test.TestIdentityProvider;
import io.lazi.platform.test.TestTokens;
import io.lazi.platform.test.TestTokens.Signature;
import tools.jackson.databind.json.JsonMapper;

import io.lazi.platform.events.access.InternalScope;

/**
 * A servlet service behind platform-security, over HTTP on its own port: token checks, the tenant
 * check, role rules, internal scopes, problem bodies, and actuator only on the management port.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=image-service", "management.server.port=0",
				"management.endpoints.web.exposure.include=health,prometheus,env",
				"management.endpoint.health.probes.enabled=true" })
class ServletSecurityIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TENANT = "3222348440";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void answersAUserOfTheTenantWithTheTokensSubject() throws Exception {

		var response = get("/api/pricebook/things", TestTokens.user(TENANT, "VIEWER"), TENANT);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("user").asString()).isEqualTo(TestTokens.USER);
		assertThat(JSON.readTree(response.body()).path("loggedTenant").asString())
			.as("the request is handled with the checked tenant in the logging MDC").isEqualTo(TENANT);
	}

	@Test
	void refusesAMissingTokenWith401AndAChallenge() throws Exception {

		var response = get("/api/pricebook/things", null, TENANT);

		assertProblem(response, 401, "unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(get("/unlisted", null, null), 401, "unauthorized");
	}

	@Test
	void refusesEveryBadTokenVariantWith401() throws Exception {

		List<UnaryOperator<TestTokens.Builder>> variants = List.of(
				token -> token.claim("aud", List.of("someone-else")),
				token -> token.claim("iss", "http://127.0.0.1:1"),
				token -> token.issuedAt(Instant.now().minus(Duration.ofHours(1))).lifetime(Duration.ofMinutes(10)),
				token -> token.withoutExpiry(),
				token -> token.lifetime(Duration.ofHours(2)),
				token -> token.issuedAt(Instant.now().plus(Duration.ofMinutes(10))),
				token -> token.claim("iat", null),
				token -> token.claim("sub", " "),
				token -> token.claim("sub", null),
				token -> token.signature(Signature.HS256),
				token -> token.signature(Signature.NONE),
				token -> token.signature(Signature.FOREIGN_KEY));
		for (var i = 0; i < variants.size(); i++) {
			var token = variants.get(i).apply(TestTokens.user("user-1", List.of(TENANT), List.of("OWNER"))).sign();
			var response = get("/api/pricebook/things", token, TENANT);
			assertThat(response.statusCode()).as("variant %d", i).isEqualTo(401);
			assertProblem(response, 401, "unauthorized");
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		}
		assertProblem(get("/api/pricebook/things", "not.a.jwt", TENANT), 401, "unauthorized");
	}

	@Test
	void checksTheTenantAgainstTheToken() throws Exception {

		var token = TestTokens.user(TENANT, "OWNER");

		assertProblem(get("/api/pricebook/things", token, "1000000002"), 403, "forbidden");
		var missing = get("/api/pricebook/things", token, null);
		assertProblem(missing, 400, "missing-tenant");
		assertThat(JSON.readTree(missing.body()).path("field").asString()).isEqualTo("X-Tenant-ID");
		assertProblem(get("/api/pricebook/things", token, "12ab"), 400, "missing-tenant");
	}

	@Test
	void appliesTheSharedRoleRules() throws Exception {

		assertThat(send("POST", "/api/pricebook/things", TestTokens.user(TENANT, "OWNER"), TENANT).statusCode()).isEqualTo(200);
		assertProblem(send("POST", "/api/pricebook/things", TestTokens.user(TENANT, "VIEWER"), TENANT), 403, "forbidden");
		assertProblem(get("/api/pricebook/things", TestTokens.user(TENANT, "NOBODY"), TENANT), 403, "forbidden");
	}

	@Test
	void opensInternalApisToTheirScopeOnly() throws Exception {

		assertThat(get("/internal/uploads/7", TestTokens.service("internal:uploads"), TENANT).statusCode()).isEqualTo(200);
		assertProblem(get("/internal/uploads/7", TestTokens.service("internal:sync"), TENANT), 401, "unauthorized");
		var wrongScope = TestTokens.service("crm-pipeline-service", "internal:sync", "image-service").sign();
		assertProblem(get("/internal/uploads/7", wrongScope, TENANT), 403, "forbidden");
		assertProblem(get("/internal/uploads/7", TestTokens.user(TENANT, "OWNER"), TENANT), 403, "forbidden");
		assertProblem(get("/api/pricebook/things", TestTokens.service("internal:uploads"), TENANT), 403, "forbidden");
	}

	@Test
	void obtainsServiceTokensForTheScopeOfTheCalledApi() {

		// As st-ingest-service calls image-service's uploads.
		var stIngest = new ServiceCredentials(new SecurityProperties(URI.create(TestIdentityProvider.get().issuer()), null,
				"lazi-api", Duration.ofHours(1), TestIdentityProvider.CLIENT_SECRET), "st-ingest-service");
		var client = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + port)
			.requestInterceptor(stIngest.forScope(InternalScope.UPLOADS))
			.build();

		for (var id : List.of("9", "10")) {
			var answer = client.get().uri("/internal/uploads/{id}", id).header("X-Tenant-ID", TENANT).retrieve().body(String.class);
			assertThat(answer).contains("\"id\":\"" + id + "\"");
		}
	}

	@Test
	void servesActuatorOnTheManagementPortOnly() throws Exception {

		assertProblem(get("/actuator/health", null, null), 401, "unauthorized");
		assertThat(get("/actuator/health", TestTokens.user(TENANT, "OWNER"), null).statusCode()).isEqualTo(404);
		try (var http = HttpClient.newHttpClient()) {
			var management = "http://127.0.0.1:" + managementPort;
			assertThat(http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			assertThat(http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			// The Kubernetes probes, which send no token.
			for (var probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
				assertThat(http.send(HttpRequest.newBuilder(URI.create(management + probe)).build(),
						HttpResponse.BodyHandlers.ofString()).statusCode()).as(probe).isEqualTo(200);
			}
			assertThat(http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/env")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		}
	}

	private HttpResponse<String> get(String path, @Nullable String token, @Nullable String tenant) throws Exception {
		return send("GET", path, token, tenant);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String tenant)
			throws Exception {

		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (tenant != null) {
			request.header("X-Tenant-ID", tenant);
		}
		try (var http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("https://lazi.io/problems/" + type);
	}
}
