package io.lazi.pricebook.sku.web;

import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static io.lazi.pricebook.sku.StSkus.material;
import static io.lazi.pricebook.sku.StSkus.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import io.lazi.platform.events.StCategory;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.category.StIngestEvents;
import io.lazi.pricebook.category.sync.CategorySync;
import io.lazi.pricebook.sku.SkuEvents;
import io.lazi.pricebook.sku.SkuSync;
import io.lazi.pricebook.sku.StSkus;

@PricebookIntegrationTest
class SkuControllerIntegrationTests {

	private final String tenant = StIngestEvents.newTenant();

	private final MockMvcTester mvc;

	private final CategorySync categories;

	private final SkuSync skus;

	@Autowired
	SkuControllerIntegrationTests(MockMvcTester mvc, CategorySync categories, SkuSync skus) {
		this.mvc = mvc;
		this.categories = categories;
		this.skus = skus;
	}

	@BeforeEach
	void storePricebook() {

		store(tenant, root(1, "Pool", 0, sub(11, 1, "Pumps", 0, sub(111, 11, "Motors", 0))));
		store(tenant, root(2, "Spa", 1));
		store(tenant, service(801, "SVC-B", "Pump motor swap", 111));
		store(tenant, service(802, "SVC-A", "Chlorinate", 1));
		store(tenant, service(803, "SVC-C", "Spa drain", 2));
		store(tenant, service(804, "SVC-D", "Old pump service", false, StSkus.MODIFIED, 11));
		store(tenant, service(805, "XYZ-9", "Heater check"));
		store(tenant, material(901, "MAT-1", "Pump seal", 11));
	}

	@Test
	void pagesActiveServicesByCode() {

		assertThat(get("/api/pricebook/services?size=2")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"items": [{"stId": 802, "code": "SVC-A"}, {"stId": 801, "code": "SVC-B"}],
					 "page": 0, "size": 2, "totalItems": 4, "totalPages": 2}""");
		assertThat(codes("/api/pricebook/services?page=1&size=2")).containsExactly("SVC-C", "XYZ-9");
		assertThat(get("/api/pricebook/services")).bodyJson().extractingPath("$.size").isEqualTo(50);
		assertThat(codes("/api/pricebook/materials")).containsExactly("MAT-1");
		assertThat(codes("/api/pricebook/equipment")).isEmpty();
	}

	@Test
	void filtersByCategoryAndOptionallyItsSubcategories() {

		assertThat(codes("/api/pricebook/services?categoryId=1")).containsExactly("SVC-A");
		assertThat(codes("/api/pricebook/services?categoryId=1&includeSubcategories=true")).containsExactly("SVC-A",
				"SVC-B");
		assertThat(codes("/api/pricebook/services?categoryId=1&includeSubcategories=true&active=all"))
			.containsExactly("SVC-A", "SVC-B", "SVC-D");
		assertThat(codes("/api/pricebook/services?categoryId=11&includeSubcategories=true")).containsExactly("SVC-B");
		assertThat(codes("/api/pricebook/services?categoryId=2")).containsExactly("SVC-C");
		assertThat(codes("/api/pricebook/services?categoryId=424242&includeSubcategories=true")).isEmpty();
		assertThat(codes("/api/pricebook/materials?categoryId=1&includeSubcategories=true")).containsExactly("MAT-1");
	}

	@Test
	void searchesCodeNameAndDescriptionCaseInsensitively() {

		assertThat(codes("/api/pricebook/services?search=PUMP")).containsExactly("SVC-B");
		assertThat(codes("/api/pricebook/services?search=pump&active=all")).containsExactly("SVC-B", "SVC-D");
		assertThat(codes("/api/pricebook/services?search=xyz")).containsExactly("XYZ-9");
		assertThat(codes("/api/pricebook/services?search=about spa")).containsExactly("SVC-C");
		assertThat(codes("/api/pricebook/services?search=%25")).isEmpty();
		assertThat(codes("/api/pricebook/services?search=SVC_")).isEmpty();
		assertThat(get("/api/pricebook/services?search=svc&categoryId=1&includeSubcategories=true")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(2);
	}

	@Test
	void filtersByActiveFlag() {

		assertThat(codes("/api/pricebook/services?active=false")).containsExactly("SVC-D");
		assertThat(codes("/api/pricebook/services?active=all")).containsExactly("SVC-A", "SVC-B", "SVC-C", "SVC-D",
				"XYZ-9");
	}

	@Test
	void returnsOneSkuWithItsCategoriesNamed() {

		assertThat(get("/api/pricebook/services/801")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"stId": 801, "code": "SVC-B", "displayName": "Pump motor swap", "active": true,
				 "categories": [{"stId": 111, "name": "Motors"}], "price": 100.00, "hours": 1.5}""");
		assertThat(get("/api/pricebook/materials/901")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"stId": 901, "categories": [{"stId": 11, "name": "Pumps"}], "unitOfMeasure": "Each"}""");
	}

	@Test
	void answersNotFoundForAnotherTenantsSkuOrAnotherKind() {

		var other = StIngestEvents.newTenant();
		store(other, service(8801, "OTHER", "Elsewhere"));

		assertThat(get("/api/pricebook/services/8801")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://lazi.io/problems/not-found");
		assertThat(codes("/api/pricebook/services?search=OTHER")).isEmpty();
		assertThat(get("/api/pricebook/materials/801")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void rejectsBadPagingAndFiltersNamingTheField() {

		assertBadRequest(get("/api/pricebook/services?size=0"), "size");
		assertBadRequest(get("/api/pricebook/materials?size=501"), "size");
		assertBadRequest(get("/api/pricebook/equipment?page=-1"), "page");
		assertBadRequest(get("/api/pricebook/services?page=first"), "page");
		assertBadRequest(get("/api/pricebook/services?active=maybe"), "active");
		assertBadRequest(get("/api/pricebook/services?categoryId=pool"), "categoryId");
		assertBadRequest(get("/api/pricebook/services?includeSubcategories=true"), "includeSubcategories");
		assertBadRequest(get("/api/pricebook/services?categoryId=1&includeSubcategories=maybe"),
				"includeSubcategories");
		assertBadRequest(get("/api/pricebook/services?search=" + "x".repeat(201)), "search");
		assertBadRequest(get("/api/pricebook/services/svc-b"), "stId");
	}

	private MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header("X-Tenant-ID", tenant).exchange();
	}

	private List<Object> codes(String uri) {

		var result = get(uri);
		assertThat(result).hasStatusOk();
		return JsonPath.read(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), "$.items[*].code");
	}

	private static void assertBadRequest(MvcTestResult result, String field) {

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://lazi.io/problems/validation");
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
	}

	private void store(String tenantId, StCategory root) {
		categories.apply(StIngestEvents.received(tenantId, root));
	}

	private void store(String tenantId, Object sku) {
		skus.apply(SkuEvents.received(UUID.randomUUID().toString(), tenantId, SkuEvents.payload(tenantId, sku)));
	}
}
