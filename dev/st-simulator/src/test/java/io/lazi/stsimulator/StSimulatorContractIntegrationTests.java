package io.lazi.stsimulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks that what the simulator answers on ServiceTitan's pricebook paths, and what these tests
 * send, validates against ServiceTitan's own OpenAPI export ({@code shared/servicetitan/specs/
 * pricebook-v2.json}, a sibling of the repository root; never copied into the repository).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StSimulatorContractIntegrationTests {

	private static final String SPEC = "shared/servicetitan/specs/pricebook-v2.json";

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	private static @Nullable OpenApiInteractionValidator validator;

	@LocalServerPort
	int port;

	SimulatorClient client;

	@BeforeAll
	static void loadSpecification() throws IOException {

		var spec = locateSpecification();
		assumeTrue(spec != null, "ServiceTitan's spec %s was not found beside the repository root (looked in the parent "
				.formatted(SPEC) + "of every directory above " + Path.of("").toAbsolutePath() + ")");
		// The spec's server URL ends in /pricebook/v2 while its paths start at /tenant/{tenant}. No rule is
		// relaxed: the operations checked here use neither `format: decimal` nor anything else the
		// validator rejects, and the single-$ref oneOf wrappers (categoryType, active) validate as they are.
		validator = OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(spec))
			.withBasePathOverride("/pricebook/v2")
			.build();
	}

	@BeforeEach
	void createClient() {
		client = new SimulatorClient(port);
	}

	@Test
	void answersTheCategoryListPerSpec() {
		assertConforms(200, CATEGORIES, Map.of());
	}

	@Test
	void answersTheFilteredCategoryListPerSpec() {

		var query = new LinkedHashMap<String, String>();
		query.put("page", "2");
		query.put("pageSize", "5");
		query.put("includeTotal", "true");
		query.put("active", "Any");
		query.put("categoryType", "Services");
		query.put("sort", "-Name");
		query.put("modifiedOnOrAfter", "2025-02-01T00:00:00Z");
		query.put("modifiedBefore", "2025-12-01T00:00:00Z");
		query.put("createdOnOrAfter", "2023-01-01T00:00:00Z");
		query.put("createdBefore", "2025-11-01T00:00:00Z");
		assertConforms(200, CATEGORIES, query);
	}

	@Test
	void answersARootAndANestedCategoryByIdPerSpec() {

		var root = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
		assertConforms(200, CATEGORIES + "/" + root.get("id").asLong(), Map.of());
		assertConforms(200, CATEGORIES + "/" + root.get("subcategories").get(0).get("id").asLong(), Map.of());
	}

	@Test
	void answersAMissingCategoryWithA404PerSpec() {
		assertConforms(404, CATEGORIES + "/1", Map.of());
	}

	@Test
	void answersTheExportFeedPerSpec() {

		var exportPath = "/pricebook/v2/tenant/%d/export/categories".formatted(REFERENCE_TENANT);
		var first = assertConforms(200, exportPath, Map.of());
		var token = client.read(first).get("continueFrom").asString();
		assertConforms(200, exportPath, Map.of("from", token, "includeRecentChanges", "false"));
		assertConforms(200, exportPath, Map.of("from", "2025-09-01"));
	}

	@Test
	void answersImageRequestsPerSpec() {

		var root = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
		var imagesPath = "/pricebook/v2/tenant/%d/images".formatted(REFERENCE_TENANT);
		assertConforms(302, imagesPath, Map.of("path", root.get("image").asString()));
		assertConforms(400, imagesPath, Map.of("path", "Category/not-under-images.png"));
		assertConforms(404, imagesPath, Map.of("path", "Images/Category/missing.png"));
	}

	@Test
	void rejectsPageSizesOutsideOneTo5000PerSpec() {

		// The spec itself sets no bounds on pageSize (only "50 by default"); ServiceTitan documents 1..5000.
		assertConforms(400, CATEGORIES, Map.of("pageSize", "0"));
		assertConforms(400, CATEGORIES, Map.of("pageSize", "5001"));
		assertConforms(200, CATEGORIES, Map.of("pageSize", "5000"));
	}

	private HttpResponse<String> assertConforms(int expectedStatus, String path, Map<String, String> query) {

		var response = client.get(REFERENCE_TENANT, path, query);
		assertThat(response.statusCode()).as("status of GET %s %s: %s", path, query, response.body())
			.isEqualTo(expectedStatus);

		var request = SimpleRequest.Builder.get(path);
		client.apiHeaders(REFERENCE_TENANT).forEach(request::withHeader);
		query.forEach(request::withQueryParam);
		var simpleResponse = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
		response.headers().map().forEach(simpleResponse::withHeader);
		var report = validator.validate(request.build(), simpleResponse.build());

		assertThat(errors(report)).as("spec violations of GET %s %s", path, query).isEmpty();
		return response;
	}

	private static String errors(ValidationReport report) {
		return report.getMessages().stream()
			.filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
			.map(message -> message.getKey() + ": " + message.getMessage())
			.collect(Collectors.joining("\n"));
	}

	private static @Nullable Path locateSpecification() {

		for (var directory = Path.of("").toAbsolutePath(); directory.getParent() != null; directory = directory.getParent()) {
			var candidate = directory.getParent().resolve(SPEC);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}
}
