package io.lazi.stsimulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the simulator's category writes and image upload ({@code Categories_Create},
 * {@code Categories_Update}, {@code Categories_Delete}, {@code Images_Post}) answer per
 * ServiceTitan's pricebook spec, refusals included, and that the requests these tests send as valid
 * are valid per the spec too.
 */
@Unthrottled
class StSimulatorCategoryWritesContractIntegrationTests extends PricebookContractTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@Test
	void answersCreatesAndTheirRefusalsPerSpec() {

		var created = exchange(Request.Method.POST, CATEGORIES, """
				{"name": "Pool Resurfacing", "active": true, "description": "Plaster", "parentId": null, "position": 3,
				 "categoryType": "Services", "businessUnitIds": [5001], "skuImages": [], "skuVideos": []}""", 201, false);
		assertThat(client.read(created).get("position").asInt()).isEqualTo(3);
		exchange(Request.Method.POST, CATEGORIES, "{\"name\": \"X\", \"categoryType\": \"Materials\", \"parentId\": 1}", 400,
				false);
		exchange(Request.Method.POST, CATEGORIES, "{\"description\": \"no name\"}", 400, true);
		exchange(Request.Method.POST, CATEGORIES, "{\"name\": [1], \"categoryType\": \"Equipment\", \"position\": \"2\"}", 400,
				true);
	}

	@Test
	void answersUpdatesAndTheirRefusalsPerSpec() {

		var root = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
		var child = root.get("subcategories").get(0).get("id").asLong();
		exchange(Request.Method.PATCH, CATEGORIES + "/" + child, "{\"name\": \"Renamed\", \"active\": false}", 200, false);
		exchange(Request.Method.PATCH, CATEGORIES + "/" + root.get("id").asLong(),
				"{\"parentId\": %d}".formatted(child), 400, false);
		exchange(Request.Method.PATCH, CATEGORIES + "/" + child, "{\"active\": \"no\"}", 400, true);
		exchange(Request.Method.PATCH, CATEGORIES + "/1", "{\"name\": \"Nobody\"}", 404, false);
	}

	@Test
	void answersDeletesPerSpec() {

		var root = client.read(client.get(REFERENCE_TENANT, CATEGORIES, Map.of("pageSize", "1"))).get("data").get(0);
		var child = root.get("subcategories").get(0).get("id").asLong();
		exchange(Request.Method.DELETE, CATEGORIES + "/" + child, null, 204, false);
		exchange(Request.Method.DELETE, CATEGORIES + "/" + child, null, 404, false);
	}

	@Test
	void answersImageUploadsPerSpec() throws IOException {

		// The spec declares the upload as a JSON body; clients send multipart/form-data, so only the
		// response is held to the spec here.
		var path = "/pricebook/v2/tenant/%d/images".formatted(REFERENCE_TENANT);
		var uploaded = client.upload(REFERENCE_TENANT, path, "file", "deck.png", CategoryWritesIntegrationTests.png());
		var refused = client.upload(REFERENCE_TENANT, path, "file", "deck.png", "text".getBytes());

		assertThat(uploaded.statusCode()).isEqualTo(201);
		assertThat(refused.statusCode()).isEqualTo(400);
		spec.assertConforms(Request.Method.POST, path, Map.of(), client.apiHeaders(REFERENCE_TENANT), null, uploaded, true);
		spec.assertConforms(Request.Method.POST, path, Map.of(), client.apiHeaders(REFERENCE_TENANT), null, refused, true);
	}

	private HttpResponse<String> exchange(Request.Method method, String path, @Nullable String body, int status,
			boolean requestIsInvalidOnPurpose) {

		var response = client.call(REFERENCE_TENANT, method.name(), path, body);
		assertThat(response.statusCode()).as("%s %s %s: %s", method, path, body, response.body()).isEqualTo(status);
		spec.assertConforms(method, path, Map.of(), client.apiHeaders(REFERENCE_TENANT), body, response,
				requestIsInvalidOnPurpose);
		return response;
	}
}
