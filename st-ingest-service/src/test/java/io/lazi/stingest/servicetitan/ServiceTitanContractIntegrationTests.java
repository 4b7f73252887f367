package io.lazi.stingest.servicetitan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.lazi.stingest.IntegrationTestSupport;

/**
 * Every pricebook request the client sends (token requests excluded) is valid against ServiceTitan's
 * official OpenAPI export, read from {@code shared/servicetitan/specs/pricebook-v2.json} beside the
 * repository: the category and SKU lists of full and incremental syncs, and the category writes and
 * image upload of commands.
 */
class ServiceTitanContractIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ServiceTitanWrites writes;

	@Test
	void sendsOnlyRequestsTheOfficialPricebookSpecAccepts() {

		var validator = validator();
		var tenant = freshTenant();
		stubRootWithSubcategory(tenant, 301, "2025-11-18T09:40:00Z", 302, "2025-11-18T09:40:00Z", "Images/Category/302.png");
		for (var skus : List.of("/services", "/materials", "/equipment")) {
			ST.stubFor(api(tenant, skus).willReturn(okJson(json.writeValueAsString(
					Map.of("page", 1, "pageSize", 1000, "hasMore", false, "totalCount", 0, "data", List.of())))));
		}
		sync(tenant, "full");
		sync(tenant, "incremental");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			var skus = httpGet("/api/sync/pricebook/skus/status", tenant).body();
			return skus.path("running").isNull() && !skus.path("lastCompleted").isNull();
		});

		var sent = ST.findAll(getRequestedFor(urlPathMatching("/pricebook/v2/tenant/" + tenant + "/.*")));

		// the validator does reject what ServiceTitan would: a wrong enum value and a missing app key
		var wrong = SimpleRequest.Builder.get("/pricebook/v2/tenant/" + tenant + "/categories")
			.withQueryParam("active", "Everything")
			.build();
		assertThat(validator.validateRequest(wrong).hasErrors()).isTrue();
		assertThat(sent).filteredOn(r -> r.getUrl().contains("/categories")).hasSize(3);
		assertThat(sent).extracting(r -> r.getUrl().replaceFirst("\\?.*", "").replaceFirst(".*/", ""))
			.contains("services", "materials", "equipment");
		assertThat(sent).allSatisfy(request -> assertValid(validator, request, toRequest(request)));
	}

	@Test
	void sendsCategoryWritesAndImageUploadsTheOfficialPricebookSpecAccepts() {

		var validator = validator();
		var tenant = freshTenant();
		var category = json.writeValueAsString(category(601, 600L, null, "2025-11-18T09:40:00Z"));
		ST.stubFor(WireMock.any(urlPathMatching("/pricebook/v2/tenant/" + tenant + "/categories.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(category)));
		ST.stubFor(WireMock.post("/pricebook/v2/tenant/" + tenant + "/images")
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
				.withBody("{\"path\":\"Images/Category/601.png\"}")));
		var counts = new CallCounts();

		writes.updateCategory(tenant, 601, Map.of("name", "Pumps", "position", 2, "image", "Images/Category/601.png"), counts);
		writes.createCategory(tenant, Map.of("name", "Pumps", "categoryType", "Services", "parentId", 600), counts);
		writes.deleteCategory(tenant, 601, counts);
		writes.category(tenant, 601, counts);
		writes.categoriesCreatedSince(tenant, Instant.parse("2025-11-18T09:40:00Z"), 1, counts);
		writes.uploadImage(tenant, new byte[] { 1, 2, 3 }, MediaType.IMAGE_PNG, UUID.randomUUID() + ".png", counts);

		var sent = ST.findAll(anyRequestedFor(urlPathMatching("/pricebook/v2/tenant/" + tenant + "/.*")));
		assertThat(sent).extracting(r -> r.getMethod().value())
			.containsExactly("PATCH", "POST", "DELETE", "GET", "GET", "POST");
		// a body the spec refuses is caught: CategoryUpdateRequest has no additional properties
		var wrong = sent.getFirst().getBodyAsString();
		assertThat(validator.validateRequest(SimpleRequest.Builder.patch("/pricebook/v2/tenant/" + tenant + "/categories/601")
			.withContentType("application/json")
			.withHeader("ST-App-Key", APP_KEY)
			.withBody(wrong.replace("}", ",\"colour\":\"red\"}"))
			.build()).hasErrors()).isTrue();
		for (var request : sent) {
			if (request.getUrl().endsWith("/images")) {
				// The export declares Images_Post's body as application/json with a binary "file"; ServiceTitan takes
				// that as a multipart file upload. Check the part, then everything but the declared content type.
				assertThat(request.getHeader("Content-Type")).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
				assertThat(request.getPart("file")).isNotNull();
				assertValid(validator, request, toRequest(request, false));
			}
			else {
				assertValid(validator, request, toRequest(request));
			}
		}
	}

	private static void assertValid(OpenApiInteractionValidator validator, LoggedRequest logged, Request request) {
		assertThat(validator.validateRequest(request).getMessages()).as("%s %s", logged.getMethod(), logged.getUrl()).isEmpty();
	}

	private static Request toRequest(LoggedRequest logged) {
		return toRequest(logged, true);
	}

	private static Request toRequest(LoggedRequest logged, boolean withBody) {

		var builder = new SimpleRequest.Builder(logged.getMethod().value(), logged.getUrl().replaceFirst("\\?.*", ""));
		logged.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
		logged.getHeaders()
			.all()
			.stream()
			.filter(header -> withBody || !header.key().equalsIgnoreCase("Content-Type"))
			.forEach(header -> builder.withHeader(header.key(), header.values()));
		if (withBody && logged.getBody() != null && logged.getBody().length > 0) {
			builder.withBody(logged.getBodyAsString());
		}
		return builder.build();
	}

	private static OpenApiInteractionValidator validator() {
		return OpenApiInteractionValidator.createForSpecificationUrl(officialSpec().toUri().toString())
			.withBasePathOverride("/pricebook/v2")
			.build();
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
