package io.lazi.pricebook.sku.web;

import static io.lazi.pricebook.TenantApi.assertValidationProblem;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static io.lazi.pricebook.sku.StSkus.material;
import static io.lazi.pricebook.sku.StSkus.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.category.StIngestEvents;
import io.lazi.pricebook.sku.StSkus;

@PricebookIntegrationTest
class SkuControllerIntegrationTests extends IntegrationTestSupport {

	@Autowired
	SkuControllerIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	@BeforeEach
	void storePricebook() {

		records.store(root(1, "Pool", 0, sub(11, 1, "Pumps", 0, sub(111, 11, "Motors", 0))));
		records.store(root(2, "Spa", 1));
		records.storeSku(service(801, "SVC-B", "Pump motor swap", 111));
		records.storeSku(service(802, "SVC-A", "Chlorinate", 1));
		records.storeSku(service(803, "SVC-C", "Spa drain", 2));
		records.storeSku(service(804, "SVC-D", "Old pump service", false, StSkus.MODIFIED, 11));
		records.storeSku(service(805, "XYZ-9", "Heater check"));
		records.storeSku(material(901, "MAT-1", "Pump seal", 11));
	}

	@Test
	void pagesActiveServicesByCode() {

		assertThat(api.get("/api/pricebook/services?size=2")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"items": [{"stId": 802, "code": "SVC-A"}, {"stId": 801, "code": "SVC-B"}],
					 "page": 0, "size": 2, "totalItems": 4, "totalPages": 2}""");
		assertThat(codes("/api/pricebook/services?page=1&size=2")).containsExactly("SVC-C", "XYZ-9");
		assertThat(api.get("/api/pricebook/services")).bodyJson().extractingPath("$.size").isEqualTo(50);
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
		assertThat(api.get("/api/pricebook/services?search=svc&categoryId=1&includeSubcategories=true")).bodyJson()
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

		assertThat(api.get("/api/pricebook/services/801")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"stId": 801, "code": "SVC-B", "displayName": "Pump motor swap", "active": true,
				 "categories": [{"stId": 111, "name": "Motors"}], "price": 100.00, "hours": 1.5}""");
		assertThat(api.get("/api/pricebook/materials/901")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"stId": 901, "categories": [{"stId": 11, "name": "Pumps"}], "unitOfMeasure": "Each"}""");
	}

	@Test
	void answersNotFoundForAnotherTenantsSkuOrAnotherKind() {

		var other = StIngestEvents.newTenant();
		kit.records(other).storeSku(service(8801, "OTHER", "Elsewhere"));

		assertThat(api.get("/api/pricebook/services/8801")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://lazi.io/problems/not-found");
		assertThat(codes("/api/pricebook/services?search=OTHER")).isEmpty();
		assertThat(api.get("/api/pricebook/materials/801")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void rejectsBadPagingAndFiltersNamingTheField() {

		assertValidationProblem(api.get("/api/pricebook/services?size=0"), "size");
		assertValidationProblem(api.get("/api/pricebook/materials?size=501"), "size");
		assertValidationProblem(api.get("/api/pricebook/equipment?page=-1"), "page");
		assertValidationProblem(api.get("/api/pricebook/services?page=first"), "page");
		assertValidationProblem(api.get("/api/pricebook/services?active=maybe"), "active");
		assertValidationProblem(api.get("/api/pricebook/services?categoryId=pool"), "categoryId");
		assertValidationProblem(api.get("/api/pricebook/services?includeSubcategories=true"), "includeSubcategories");
		assertValidationProblem(api.get("/api/pricebook/services?categoryId=1&includeSubcategories=maybe"),
				"includeSubcategories");
		assertValidationProblem(api.get("/api/pricebook/services?search=" + "x".repeat(201)), "search");
		assertValidationProblem(api.get("/api/pricebook/services/svc-b"), "stId");
	}

	private List<Object> codes(String uri) {
		return api.read(uri, "$.items[*].code");
	}
}
