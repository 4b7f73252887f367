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
 * Every request the client sends (token requests excluded) is valid against ServiceTitan's official OpenAPI
 * exports, read from {@code shared/servicetitan/specs/} beside the repository: the category and SKU lists of
 * full and incremental syncs, the category writes and image upload of commands, and the writes and reads of
 * field commands (customers, jobs, assignments, appointments, estimates) with a job's history. The CRM and
 * dispatch lists are held to the exports by their own sync tests.
 */
class ServiceTitanContractIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ServiceTitanWrites writes;

	@Autowired
	private ServiceTitanFieldWrites fieldWrites;

	@Autowired
	private ServiceTitanClient client;

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

	@Test
	void sendsFieldWritesAndTheirReadsTheOfficialSpecsAccept() {

		var tenant = freshTenant();
		ST.stubFor(WireMock.any(urlPathMatching("/(crm|jpm|dispatch|sales)/v2/tenant/" + tenant + "/.*"))
			.willReturn(okJson("{\"id\":1,\"page\":1,\"pageSize\":500,\"hasMore\":false,\"data\":[],\"history\":[]}")));
		var counts = new CallCounts();
		var address = Map.of("street", "1 Oak St", "city", "Mesa", "state", "AZ", "zip", "85001", "country", "USA");
		var since = Instant.parse("2026-11-20T10:00:00Z");

		fieldWrites.createCustomer(tenant, Map.of("name", "Dana", "type", "Residential", "address", address, "locations",
				List.of(Map.of("name", "Dana", "address", address))), counts);
		fieldWrites.updateCustomer(tenant, 7, Map.of("name", "Dana W"), counts);
		fieldWrites.customer(tenant, 7, counts);
		fieldWrites.customersCreatedSince(tenant, "Dana & Co", since, 1, counts);
		fieldWrites.updateJob(tenant, 8, Map.of("summary", "Leak", "priority", "High"), counts);
		fieldWrites.moveJob(tenant, 8, "cancel", Map.of("reasonId", 3, "memo", ""), counts);
		fieldWrites.moveJob(tenant, 8, "hold", Map.of("reasonId", 4, "memo", "Parts"), counts);
		fieldWrites.moveJob(tenant, 8, "complete", Map.of("completedOn", since.toString()), counts);
		fieldWrites.job(tenant, 8, counts);
		client.jobHistory(tenant, 8, counts);
		fieldWrites.assignment(tenant, true, 9, List.of(1L, 2L), counts);
		fieldWrites.assignment(tenant, false, 9, List.of(2L), counts);
		fieldWrites.assignments(tenant, 9L, null, 1, counts);
		fieldWrites.assignments(tenant, null, 8L, 1, counts);
		fieldWrites.rescheduleAppointment(tenant, 9, Map.of("start", since.toString(), "end", since.plusSeconds(3600).toString()),
				counts);
		fieldWrites.confirmAppointment(tenant, 9, counts);
		fieldWrites.appointment(tenant, 9, counts);
		fieldWrites.sellEstimate(tenant, 10, 1, counts);
		fieldWrites.dismissEstimate(tenant, 10, counts);
		fieldWrites.estimate(tenant, 10, counts);

		var sent = ST.findAll(anyRequestedFor(urlPathMatching("/(crm|jpm|dispatch|sales)/v2/tenant/" + tenant + "/.*")));
		assertThat(sent).extracting(r -> r.getMethod().value()).containsExactly("POST", "PATCH", "GET", "GET", "PATCH",
				"PUT", "PUT", "PUT", "GET", "GET", "POST", "POST", "GET", "GET", "PATCH", "PUT", "GET", "PUT", "PUT", "GET");
		assertThat(sent).allSatisfy(OfficialSpecs::assertValid);
		assertThat(sent.get(3).getQueryParams().get("name").firstValue()).isEqualTo("Dana & Co");
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
