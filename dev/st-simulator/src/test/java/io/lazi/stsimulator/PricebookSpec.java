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
 * ServiceTitan's pricebook OpenAPI export ({@code shared/servicetitan/specs/pricebook-v2.json}, a
 * sibling of the repository root, read at test time and never copied into the repository) as a
 * validator of exchanges with the simulator. {@link #load()} skips the calling test class, with the
 * reason, when the file is absent.
 */
final class PricebookSpec {

	private static final String SPEC = "shared/servicetitan/specs/pricebook-v2.json";

	private final OpenApiInteractionValidator validator;

	private PricebookSpec(OpenApiInteractionValidator validator) {
		this.validator = validator;
	}

	static PricebookSpec load() throws IOException {

		var spec = locate();
		assumeTrue(spec != null, "ServiceTitan's spec %s was not found beside the repository root (looked in the parent "
				.formatted(SPEC) + "of every directory above " + Path.of("").toAbsolutePath() + ")");
		// The spec's server URL ends in /pricebook/v2 while its paths start at /tenant/{tenant}.
		return new PricebookSpec(OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(spec))
			.withBasePathOverride("/pricebook/v2")
			.build());
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

	private static @Nullable Path locate() {

		for (var directory = Path.of("").toAbsolutePath(); directory.getParent() != null; directory = directory.getParent()) {
			var candidate = directory.getParent().resolve(SPEC);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}
}
