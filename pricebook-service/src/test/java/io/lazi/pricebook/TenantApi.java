package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import io.lazi.platform.events.StCategory;
import io.lazi.platform.test.TestTokens;
import io.lazi.pricebook.category.StIngestEvents;
import io.lazi.pricebook.category.sync.CategorySync;
import io.lazi.pricebook.sku.SkuEvents;
import io.lazi.pricebook.sku.SkuSync;

/**
 * The REST API as one tenant's user calls it (an OWNER's bearer token of the stand-in identity provider and
 * {@code X-Tenant-ID} set), plus storing ServiceTitan records directly; from {@link PricebookTestKit#api(String)}.
 */
public final class TenantApi {

	private final MockMvcTester mvc;

	private final CategorySync categories;

	private final SkuSync skus;

	private final String tenant;

	private final String bearer;

	TenantApi(MockMvcTester mvc, CategorySync categories, SkuSync skus, String tenant, String role) {
		this.mvc = mvc;
		this.categories = categories;
		this.skus = skus;
		this.tenant = tenant;
		this.bearer = "Bearer " + TestTokens.user(tenant, role);
	}

	/** The same API called by a user of {@code role} instead. */
	public TenantApi as(String role) {
		return new TenantApi(mvc, categories, skus, tenant, role);
	}

	/** Applies {@code root} with its subtree as a full sync would, in the calling thread. */
	public void store(StCategory root) {
		categories.apply(StIngestEvents.received(tenant, root));
	}

	/** Applies a fetched service, material or equipment under a new event id, in the calling thread. */
	public void storeSku(Object sku) {
		storeSku(UUID.randomUUID().toString(), sku);
	}

	/** Applies a fetched SKU under {@code eventId} (a redelivery when reused), in the calling thread. */
	public void storeSku(String eventId, Object sku) {
		skus.apply(SkuEvents.received(eventId, tenant, SkuEvents.payload(tenant, sku)));
	}

	public MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header("X-Tenant-ID", tenant).header("Authorization", bearer).exchange();
	}

	public MvcTestResult post(String uri, String json) {
		return mvc.post().uri(uri).header("X-Tenant-ID", tenant).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json)
			.exchange();
	}

	public MvcTestResult post(String uri) {
		return mvc.post().uri(uri).header("X-Tenant-ID", tenant).header("Authorization", bearer).exchange();
	}

	public MvcTestResult delete(String uri) {
		return mvc.delete().uri(uri).header("X-Tenant-ID", tenant).header("Authorization", bearer).exchange();
	}

	/** Reads {@code path} of a successful GET's JSON body. */
	public <T> T read(String uri, String path) {

		var result = get(uri);
		assertThat(result).hasStatusOk();
		return JsonPath.read(body(result), path);
	}

	public static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	public static <T> T read(MvcTestResult result, String path) {
		return JsonPath.read(body(result), path);
	}

	/** Asserts a 400 problem naming {@code field}. */
	public static void assertBadRequest(MvcTestResult result, String field) {

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
	}

	/** Asserts a 400 problem of type validation naming {@code field}. */
	public static void assertValidationProblem(MvcTestResult result, String field) {

		assertBadRequest(result, field);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://lazi.io/problems/validation");
	}
}
