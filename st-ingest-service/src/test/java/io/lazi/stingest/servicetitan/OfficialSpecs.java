package io.lazi.stingest.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * ServiceTitan's official OpenAPI exports ({@code shared/servicetitan/specs/*.json} beside the repository), one
 * validator per module, chosen by a request's first path segment ({@code /crm/v2/…} → {@code crm-v2.json},
 * {@code /sales/v2/…} → {@code salestech-v2.json}). A test using them is skipped when the exports are absent.
 */
public final class OfficialSpecs {

	private static final Map<String, String> FILES = Map.of("pricebook", "pricebook-v2.json", "crm", "crm-v2.json",
			"jpm", "jpm-v2.json", "sales", "salestech-v2.json", "settings", "settings-v2.json", "dispatch",
			"dispatch-v2.json");

	private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

	private OfficialSpecs() {
	}

	/** Asserts that ServiceTitan's export of the request's module accepts it: path, query, headers and JSON body. */
	public static void assertValid(LoggedRequest logged) {
		assertThat(validate(logged).getMessages()).as("%s %s %s", logged.getMethod(), logged.getUrl(),
				logged.getBodyAsString()).isEmpty();
	}

	/** What ServiceTitan's export of the request's module says of it. */
	public static ValidationReport validate(LoggedRequest logged) {
		return validator(module(logged.getUrl())).validateRequest(toRequest(logged));
	}

	/** The validator of one module's export, e.g. {@code dispatch}. */
	public static OpenApiInteractionValidator validator(String module) {

		var file = FILES.get(module);
		assertThat(file).as("ServiceTitan module %s", module).isNotNull();
		return VALIDATORS.computeIfAbsent(module, name -> OpenApiInteractionValidator
			.createForSpecificationUrl(officialSpec(file).toUri().toString())
			.withBasePathOverride("/" + name + "/v2")
			.build());
	}

	private static String module(String url) {
		return url.substring(1, url.indexOf('/', 1));
	}

	private static Request toRequest(LoggedRequest logged) {

		var builder = new SimpleRequest.Builder(logged.getMethod().value(), logged.getUrl().replaceFirst("\\?.*", ""));
		logged.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
		logged.getHeaders().all().forEach(header -> builder.withHeader(header.key(), header.values()));
		if (logged.getBody() != null && logged.getBody().length > 0) {
			builder.withBody(logged.getBodyAsString());
		}
		return builder.build();
	}

	private static Path officialSpec(String file) {

		var dir = Path.of("").toAbsolutePath();
		for (var at = dir; at != null; at = at.getParent()) {
			var candidate = at.resolve("shared/servicetitan/specs/" + file);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		Assumptions.assumeTrue(false, "ServiceTitan's official spec shared/servicetitan/specs/" + file
				+ " was not found in any parent of " + dir + "; it lives beside the repository, never inside it");
		throw new IllegalStateException("unreachable");
	}
}
