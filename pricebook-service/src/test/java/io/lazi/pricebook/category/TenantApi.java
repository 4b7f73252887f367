package io.lazi.pricebook.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import io.lazi.platform.events.StCategory;
import io.lazi.pricebook.category.sync.CategorySync;

/** The REST API as one tenant's user calls it, plus storing ServiceTitan trees directly. */
final class TenantApi {

	private final MockMvcTester mvc;

	private final CategorySync sync;

	private final String tenant;

	TenantApi(MockMvcTester mvc, CategorySync sync, String tenant) {
		this.mvc = mvc;
		this.sync = sync;
		this.tenant = tenant;
	}

	/** Applies {@code root} as a sync would, in the calling thread. */
	void store(StCategory root) {
		sync.apply(StIngestEvents.received(tenant, root));
	}

	MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header("X-Tenant-ID", tenant).exchange();
	}

	MvcTestResult post(String uri, String json) {
		return mvc.post().uri(uri).header("X-Tenant-ID", tenant).contentType(MediaType.APPLICATION_JSON).content(json)
			.exchange();
	}

	MvcTestResult post(String uri) {
		return mvc.post().uri(uri).header("X-Tenant-ID", tenant).exchange();
	}

	MvcTestResult delete(String uri) {
		return mvc.delete().uri(uri).header("X-Tenant-ID", tenant).exchange();
	}

	/** Reads {@code path} of a successful GET's JSON body. */
	<T> T read(String uri, String path) {

		var result = get(uri);
		assertThat(result).hasStatusOk();
		return JsonPath.read(body(result), path);
	}

	static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	static <T> T read(MvcTestResult result, String path) {
		return JsonPath.read(body(result), path);
	}

	static void assertBadRequest(MvcTestResult result, String field) {

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
	}
}
