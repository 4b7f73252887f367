package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import io.lazi.platform.test.TestTokens;

/**
 * The REST API as one tenant's user calls it (an OWNER's bearer token of the stand-in identity provider and
 * {@code X-Tenant-ID} set); from {@link PricebookTestKit#api(String)}.
 */
public final class TenantApi {

	private final MockMvcTester mvc;

	private final String tenant;

	private final String bearer;

	TenantApi(MockMvcTester mvc, String tenant, String role) {
		this.mvc = mvc;
		this.tenant = tenant;
		this.bearer = "Bearer " + TestTokens.user(tenant, role);
	}

	/** The same API called by a user of {@code role} instead. */
	public TenantApi as(String role) {
		return new TenantApi(mvc, tenant, role);
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
