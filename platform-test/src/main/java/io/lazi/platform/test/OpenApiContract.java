package io.lazi.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.lazi.platform.events.TrustedHeaders;

/**
 * The OpenAPI contract of a service, as tests it inherits: the document it serves in its gateway route group
 * equals the one committed as {@code docs/openapi/<service>.json}, says what a caller of the gateway needs on every
 * operation (a summary, the bearer token, {@code X-Tenant-ID}, the problem responses), and is served to signed-in
 * callers of the tenant only. A service's {@code OpenApiDocumentIntegrationTests} implements it, annotated with
 * {@link OpenApiDocument}; Spring's JUnit extension supplies the context.
 *
 * <p>Regenerating the committed documents after an API change (one command, README "API contracts"):
 * {@code ./mvnw test -pl <services> -Dtest=OpenApiDocumentIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlazi.openapi.write=true} writes each service's live document there instead of comparing; review the diff.
 */
public interface OpenApiContract {

	/** System property that makes {@link #matchesTheCommittedDocument()} write the document instead. */
	String WRITE = "lazi.openapi.write";

	JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** The tenant the document is asked for; the token must grant it, as on every route of the group. */
	String TENANT = "3222348440";

	/** The service and path of the implementing test class's {@link OpenApiDocument}. */
	default OpenApiDocument document() {

		var document = getClass().getAnnotation(OpenApiDocument.class);
		assertThat(document).as("@OpenApiDocument on %s", getClass().getName()).isNotNull();
		return document;
	}

	/**
	 * Sends {@code GET path} to the service, as the gateway would: with {@code X-Tenant-ID: tenant} and, unless
	 * {@code null}, {@code Authorization: Bearer <bearer>}; over HTTP when the context runs a server, else through
	 * its {@code MockMvcTester}.
	 */
	default Answer get(ApplicationContext context, String path, @Nullable String bearer, String tenant) throws Exception {

		var port = context.getEnvironment().getProperty("local.server.port", Integer.class);
		return port == null ? MockMvcCalls.get(context, path, bearer, tenant) : overHttp(port, path, bearer, tenant);
	}

	/** The document as the service serves it to a signed-in user (role VIEWER) of a tenant, JSON. */
	default String liveDocument(ApplicationContext context) throws Exception {

		var answer = get(context, document().path(), TestTokens.user(TENANT, "VIEWER"), TENANT);
		assertThat(answer.status()).as("GET %s: %s", document().path(), answer.body()).isEqualTo(200);
		return answer.body();
	}

	@Test
	default void matchesTheCommittedDocument(ApplicationContext context) throws Exception {

		var live = JSON.readTree(liveDocument(context));
		var committed = committed(document().service());
		if (Boolean.getBoolean(WRITE)) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, JSON.writeValueAsString(live) + "\n");
			return;
		}
		assertThat(committed).as("%s: generate it with -D%s=true", committed, WRITE).exists();
		assertThat(live).as("the live OpenAPI document of %s differs from %s; if the change is meant, regenerate it "
				+ "with -D%s=true and review the diff", document().service(), committed, WRITE).isEqualTo(JSON.readTree(committed.toFile()));
	}

	@Test
	default void describesEveryOperationForCallersOfTheGateway(ApplicationContext context) throws Exception {

		var document = JSON.readTree(liveDocument(context));
		assertThat(document.path("openapi").asString()).startsWith("3.1.");
		assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
		assertThat(document.path("security").toString()).contains("bearer");
		assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
		assertThat(document.path("paths").size()).isPositive();

		var problems = new ArrayList<String>();
		document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			var operation = entry.getValue();
			var where = entry.getKey().toUpperCase() + " " + path.getKey();
			if (operation.path("summary").asString("").isBlank()) {
				problems.add(where + " has no summary");
			}
			if (operation.path("operationId").asString("").isBlank()) {
				problems.add(where + " has no operationId");
			}
			if (!operation.path("parameters").toString().contains("#/components/parameters/tenant")
					&& !operation.path("parameters").toString().contains("X-Tenant-ID")) {
				problems.add(where + " does not name the X-Tenant-ID header");
			}
			for (var status : new String[] { "400", "401", "403", "429" }) {
				if (!operation.path("responses").has(status)) {
					problems.add(where + " lacks the " + status + " problem response");
				}
			}
		}));
		assertThat(problems).isEmpty();
	}

	@Test
	default void servesTheDocumentToSignedInCallersOfTheTenantOnly(ApplicationContext context) throws Exception {

		assertThat(get(context, document().path(), null, TENANT).status()).isEqualTo(401);
		assertThat(get(context, document().path(), TestTokens.user("1000000002", "VIEWER"), TENANT).status()).isEqualTo(403);
	}

	private static Answer overHttp(int port, String path, @Nullable String bearer, String tenant) throws Exception {

		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header(TrustedHeaders.TENANT_ID, tenant)
			.timeout(Duration.ofSeconds(30));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try (var client = HttpClient.newHttpClient()) {
			var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
	}

	/**
	 * A service's answer.
	 *
	 * @param status the HTTP status
	 * @param body the body as text
	 */
	record Answer(int status, String body) {
	}

	/** {@code docs/openapi/<service>.json} of the repository the test runs in. */
	static Path committed(String service) {

		var dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("no docs/ above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve("docs/openapi").resolve(service + ".json");
	}
}
