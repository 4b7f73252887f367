package io.lazi.stsimulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the tests that hold the simulator's settings, crm, jpm, sales and dispatch answers, and the
 * requests they send, to ServiceTitan's own exports ({@code shared/servicetitan/specs/*-v2.json}); the whole
 * class is skipped when a spec is absent.
 */
abstract class ApiContractTest extends SimulatorIntegrationTest {

	private static final Map<String, String> SPEC_FILES = Map.of("/settings/v2", "settings-v2.json", "/crm/v2",
			"crm-v2.json", "/jpm/v2", "jpm-v2.json", "/sales/v2", "salestech-v2.json", "/dispatch/v2", "dispatch-v2.json");

	private static final Map<String, ServiceTitanSpec> SPECS = new LinkedHashMap<>();

	@BeforeAll
	static void loadSpecifications() throws IOException {

		for (var entry : SPEC_FILES.entrySet()) {
			if (!SPECS.containsKey(entry.getKey())) {
				SPECS.put(entry.getKey(), ServiceTitanSpec.load(entry.getValue(), entry.getKey()));
			}
		}
	}

	/** An authenticated GET of {@code module + /tenant/{tenant} + path}, its status asserted, request and answer held to the spec. */
	HttpResponse<String> get(int status, long tenant, String module, String path, Map<String, String> query) {
		return SPECS.get(module).assertGet(client, tenant, module + "/tenant/" + tenant + path, query, status);
	}

	/**
	 * A write sent once, its status asserted, the answer held to the spec and the request too unless
	 * {@code requestIsInvalidOnPurpose}.
	 */
	HttpResponse<String> exchange(int status, long tenant, String module, Request.Method method, String path,
			@Nullable String body, boolean requestIsInvalidOnPurpose) {

		var fullPath = module + "/tenant/" + tenant + path;
		var response = client.call(tenant, method.name(), fullPath, body);
		assertThat(response.statusCode()).as("%s %s %s: %s", method, fullPath, body, response.body()).isEqualTo(status);
		SPECS.get(module).assertConforms(method, fullPath, Map.of(), client.apiHeaders(tenant), body, response,
				requestIsInvalidOnPurpose);
		return response;
	}

	/** A write whose request is valid per the spec. */
	HttpResponse<String> exchange(int status, long tenant, String module, Request.Method method, String path,
			@Nullable String body) {
		return exchange(status, tenant, module, method, path, body, false);
	}

	static Map<String, String> paged() {
		return Map.of("page", "1", "pageSize", "5000", "includeTotal", "true", "active", "Any");
	}
}
