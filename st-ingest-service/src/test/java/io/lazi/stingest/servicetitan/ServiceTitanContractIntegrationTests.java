package io.lazi.stingest.servicetitan;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.lazi.stingest.IntegrationTestSupport;

/**
 * Every pricebook request the client sends in a full and an incremental sync (token requests
 * excluded) is valid against ServiceTitan's official OpenAPI export, read from
 * {@code shared/servicetitan/specs/pricebook-v2.json} beside the repository.
 */
class ServiceTitanContractIntegrationTests extends IntegrationTestSupport {

	@Test
	void sendsOnlyRequestsTheOfficialPricebookSpecAccepts() {

		var spec = officialSpec();
		var validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
			.withBasePathOverride("/pricebook/v2")
			.build();
		var tenant = freshTenant();
		var sub = category(302, 301L, null, "2025-11-18T09:40:00Z");
		stubList(tenant, category(301, null, null, "2025-11-18T09:40:00Z", sub));
		stubById(tenant, sub.withImage("Images/Category/302.png"));
		sync(tenant, "full");
		sync(tenant, "incremental");

		var sent = ST.findAll(getRequestedFor(urlPathMatching("/pricebook/v2/tenant/" + tenant + "/.*")));

		// the validator does reject what ServiceTitan would: a wrong enum value and a missing app key
		var wrong = SimpleRequest.Builder.get("/pricebook/v2/tenant/" + tenant + "/categories")
			.withQueryParam("active", "Everything")
			.build();
		assertThat(validator.validateRequest(wrong).hasErrors()).isTrue();
		assertThat(sent).hasSize(3);
		for (var request : sent) {
			var report = validator.validateRequest(toRequest(request));
			assertThat(report.getMessages()).as("%s %s", request.getMethod(), request.getUrl()).isEmpty();
		}
	}

	private static Request toRequest(LoggedRequest logged) {

		var builder = SimpleRequest.Builder.get(logged.getUrl().replaceFirst("\\?.*", ""));
		logged.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
		logged.getHeaders().all().forEach(header -> builder.withHeader(header.key(), header.values()));
		return builder.build();
	}

	private static Path officialSpec() {

		var dir = Path.of("").toAbsolutePath();
		for (var at = dir; at != null; at = at.getParent()) {
			var candidate = at.resolve("shared/servicetitan/specs/pricebook-v2.json");
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		Assumptions.assumeTrue(false, "ServiceTitan's official spec shared/servicetitan/specs/pricebook-v2.json "
				+ "was not found in any parent of " + dir + "; it lives beside the repository, never inside it");
		throw new IllegalStateException("unreachable");
	}
}
