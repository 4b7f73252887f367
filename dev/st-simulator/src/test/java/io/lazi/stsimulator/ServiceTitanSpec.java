package io.lazi.stsimulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One of ServiceTitan's OpenAPI exports ({@code shared/servicetitan/specs/<name>.json}, a sibling of
 * the repository root, read at test time and never copied into the repository) as a validator of
 * exchanges with the simulator. {@link #load} skips the calling test class, with the reason, when the
 * file is absent.
 */
final class ServiceTitanSpec {

	private static final String SPECS = "shared/servicetitan/specs/";

	private final OpenApiInteractionValidator validator;

	private ServiceTitanSpec(OpenApiInteractionValidator validator) {
		this.validator = validator;
	}

	/**
	 * The pricebook spec, {@code pricebook-v2.json}, for paths under {@code /pricebook/v2}.
	 */
	static ServiceTitanSpec pricebook() throws IOException {
		return load("pricebook-v2.json", "/pricebook/v2");
	}

	/**
	 * @param file the spec's file name, e.g. {@code crm-v2.json}
	 * @param basePath where its paths live on the simulator: each spec's server URL ends in
	 *        {@code /<module>/v2} while its paths start at {@code /tenant/{tenant}}
	 */
	static ServiceTitanSpec load(String file, String basePath) throws IOException {

		var spec = locate(SPECS + file);
		assumeTrue(spec != null, "ServiceTitan's spec %s was not found beside the repository root (looked in the parent "
				.formatted(SPECS + file) + "of every directory above " + Path.of("").toAbsolutePath() + ")");
		// No rule is relaxed: the operations checked use neither `format: decimal` nor anything else the
		// validator rejects, and the single-$ref oneOf wrappers (categoryType, active) validate as they are.
		return new ServiceTitanSpec(OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(spec))
			.withBasePathOverride(basePath)
			.build());
	}

	/**
	 * Sends an authenticated GET, asserts its status, and asserts that the request and the response
	 * conform to this spec.
	 *
	 * @return the response
	 */
	HttpResponse<String> assertGet(SimulatorClient client, long tenant, String path, Map<String, String> query,
			int expectedStatus) {

		var response = client.get(tenant, path, query);
		assertThat(response.statusCode()).as("status of GET %s %s: %s", path, query, response.body())
			.isEqualTo(expectedStatus);
		assertConforms(Request.Method.GET, path, query, client.apiHeaders(tenant), null, response, false);
		return response;
	}

	/**
	 * Asserts that an exchange conforms: the request as sent (unless {@code requestIsInvalidOnPurpose})
	 * and the response.
	 */
	void assertConforms(Request.Method method, String path, Map<String, String> query, Map<String, String> headers,
			@Nullable String requestBody, HttpResponse<String> response, boolean requestIsInvalidOnPurpose) {

		var request = new SimpleRequest.Builder(method, path);
		headers.forEach(request::withHeader);
		query.forEach(request::withQueryParam);
		if (requestBody != null) {
			request.withContentType("application/json").withBody(requestBody);
		}
		var simpleResponse = SimpleResponse.Builder.status(response.statusCode());
		if (!response.body().isEmpty()) {
			simpleResponse.withBody(response.body());
		}
		response.headers().map().forEach(simpleResponse::withHeader);
		var report = validator.validate(request.build(), simpleResponse.build());
		Predicate<ValidationReport.Message> counted = message -> message.getLevel() == ValidationReport.Level.ERROR
				&& !(requestIsInvalidOnPurpose && message.getKey().startsWith("validation.request"));
		var errors = report.getMessages().stream()
			.filter(counted)
			.map(message -> message.getKey() + ": " + message.getMessage())
			.collect(Collectors.joining("\n"));
		assertThat(errors).as("spec violations of %s %s %s", method, path, query).isEmpty();
	}

	private static @Nullable Path locate(String relative) {

		for (var directory = Path.of("").toAbsolutePath(); directory.getParent() != null; directory = directory.getParent()) {
			var candidate = directory.getParent().resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}
}
