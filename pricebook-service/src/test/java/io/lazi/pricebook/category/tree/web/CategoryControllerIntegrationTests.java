package io.lazi.pricebook.category.tree.web;

import static io.lazi.pricebook.TenantApi.assertValidationProblem;
import static io.lazi.pricebook.category.StCategories.category;
import static io.lazi.pricebook.category.StCategories.root;
import static io.lazi.pricebook.category.StCategories.sub;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.lazi.platform.test.TestTokens;
import io.lazi.pricebook.IntegrationTestSupport;
import io.lazi.pricebook.PricebookIntegrationTest;
import io.lazi.pricebook.PricebookTestKit;
import io.lazi.pricebook.category.StIngestEvents;

@PricebookIntegrationTest
class CategoryControllerIntegrationTests extends IntegrationTestSupport {

	private static final String IMAGE = "Images/Category/pumps.jpg";

	@Autowired
	CategoryControllerIntegrationTests(PricebookTestKit kit) {
		super(kit);
	}

	@BeforeEach
	void storeTree() {

		records.store(root(1, "Pool", 2,
				category(11, 1L, "Pumps", 1, true, IMAGE, sub(111, 11, "Motors", 0), sub(112, 11, "Seals", 1)),
				sub(12, 1, "Chemicals", 0, sub(121, 12, "Chlorine", 0, sub(1211, 121, "Tablets", 0)))));
		records.store(category(2, null, "Spa", 0, true, "Images/Category/spa.jpg"));
		records.store(category(3, null, "Sauna", 1, false, null));
	}

	@Test
	void pagesActiveRootsByPosition() {

		assertThat(api.get("/api/pricebook/categories?size=1")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"items": [{"stId": 2, "name": "Spa", "depth": 0, "parentStId": null, "childCount": 0,
					            "imageUrl": "/images/db/categories/2", "path": "2", "active": true}],
					 "page": 0, "size": 1, "totalItems": 2, "totalPages": 2}""");
		assertThat(api.get("/api/pricebook/categories?page=1&size=1")).bodyJson()
			.extractingPath("$.items[*].stId")
			.asArray()
			.containsExactly(1);
		assertThat(api.get("/api/pricebook/categories?active=all")).bodyJson()
			.extractingPath("$.items[*].stId")
			.asArray()
			.containsExactly(2, 3, 1);
		assertThat(api.get("/api/pricebook/categories?active=false")).bodyJson()
			.extractingPath("$.items[*].stId")
			.asArray()
			.containsExactly(3);
	}

	@Test
	void returnsOneSubcategory() {

		assertThat(api.get("/api/pricebook/categories/11")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"stId": 11, "parentStId": 1, "rootStId": 1, "depth": 1, "path": "1.11", "name": "Pumps",
				 "description": "About Pumps", "imagePath": "Images/Category/pumps.jpg",
				 "imageUrl": "/images/db/subcategories/11", "position": 1, "active": true,
				 "businessUnitIds": [7001, 7002], "categoryType": "Services", "childCount": 2}""");
		assertThat(api.get("/api/pricebook/categories/111")).bodyJson().extractingPath("$.imageUrl").isNull();
	}

	@Test
	void returnsTheNestedSubtree() {

		var tree = api.get("/api/pricebook/categories/1/subcategories/tree");

		assertThat(tree).bodyJson().extractingPath("$.children[*].stId").asArray().containsExactly(12, 11);
		assertThat(tree).bodyJson().extractingPath("$.children[1].children[*].stId").asArray().containsExactly(111, 112);
		assertThat(tree).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"stId": 1, "childCount": 2, "children": [
					  {"stId": 12, "path": "1.12", "children": [
					    {"stId": 121, "children": [{"stId": 1211, "depth": 3, "path": "1.12.121.1211", "children": []}]}]},
					  {"stId": 11, "children": [{"stId": 111, "children": []}, {"stId": 112, "children": []}]}]}""");
	}

	@Test
	void pagesTheFlatDescendantsByDepthParentAndPosition() {

		assertThat(api.get("/api/pricebook/categories/1/subcategories/flat")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].stId")
			.asArray()
			.containsExactly(12, 11, 111, 112, 121, 1211);
		assertThat(api.get("/api/pricebook/categories/1/subcategories/flat?page=1&size=4")).bodyJson()
			.isLenientlyEqualTo("""
					{"items": [{"stId": 121}, {"stId": 1211}], "page": 1, "size": 4, "totalItems": 6, "totalPages": 2}""");
	}

	@Test
	void summarisesTheTenantsTree() {

		assertThat(api.get("/api/pricebook/categories/stats")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"tenantId": "%s", "roots": 2, "subcategories": 6,
				 "subcategoriesByDepth": {"1": 2, "2": 3, "3": 1}, "withImage": 1, "inactive": 1}""".formatted(tenant));
	}

	@Test
	void answersNotFoundForAnotherTenantsCategory() {

		var other = StIngestEvents.newTenant();
		kit.records(other).store(root(77, "Other", 0));

		assertThat(api.get("/api/pricebook/categories/77")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://lazi.io/problems/not-found");
		assertThat(api.get("/api/pricebook/categories/77/subcategories/tree")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/pricebook/categories/77/subcategories/flat")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void rejectsBadPagingNamingTheField() {

		assertValidationProblem(api.get("/api/pricebook/categories?size=0"), "size");
		assertValidationProblem(api.get("/api/pricebook/categories?size=501"), "size");
		assertValidationProblem(api.get("/api/pricebook/categories?page=-1"), "page");
		assertValidationProblem(api.get("/api/pricebook/categories?page=first"), "page");
		assertValidationProblem(api.get("/api/pricebook/categories?active=maybe"), "active");
		assertValidationProblem(api.get("/api/pricebook/categories/1/subcategories/flat?size=1000"), "size");
	}

	@Test
	void rejectsANonNumericIdNamingTheField() {

		assertValidationProblem(api.get("/api/pricebook/categories/pumps"), "stId");
		assertValidationProblem(api.get("/api/pricebook/categories/pumps/subcategories/tree"), "stId");
	}

	@Test
	void rejectsARequestWithoutTenant() {

		var signedIn = kit.mvc().get().uri("/api/pricebook/categories")
			.header("Authorization", "Bearer " + TestTokens.user("3222348440", "OWNER"));
		assertThat(signedIn).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("X-Tenant-ID");
		assertThat(signedIn.exchange()).bodyJson().extractingPath("$.type").isEqualTo("https://lazi.io/problems/missing-tenant");
	}

}
