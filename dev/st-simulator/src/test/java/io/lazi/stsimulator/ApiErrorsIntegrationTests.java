package io.lazi.stsimulator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.lazi.stsimulator.SimulatorClient.REFERENCE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework's own failures (bad query values, unreadable bodies, unsupported media types,
 * unknown paths) answered as ServiceTitan's {@code ApiErrorResponse}, like the simulator's own
 * refusals.
 */
class ApiErrorsIntegrationTests extends SimulatorIntegrationTest {

	private static final String CATEGORIES = "/pricebook/v2/tenant/%d/categories".formatted(REFERENCE_TENANT);

	@Test
	void answersAQueryValueOfTheWrongTypeNamingTheParameter() {

		var response = client.get(REFERENCE_TENANT, CATEGORIES, Map.of("page", "abc"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		var body = client.read(response);
		assertThat(body.get("title").asString()).isEqualTo("One or more validation errors occurred.");
		assertThat(body.get("errors").get("page").get(0).asString()).isEqualTo("The value 'abc' is not valid.");
	}

	@Test
	void answersAnUnreadableBodyNamingTheBody() {

		var response = client.call(REFERENCE_TENANT, "POST", CATEGORIES, "{not json");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(client.read(response).get("errors").get("body").get(0).asString())
			.isEqualTo("The request body is not valid JSON for this operation.");
	}

	@Test
	void answersAnUnsupportedMediaTypeAndAnUnknownPath() {

		var unsupported = client.upload(REFERENCE_TENANT, CATEGORIES, "file", "x.png", new byte[] { 1 });
		var unknown = client.get(REFERENCE_TENANT, "/pricebook/v2/tenant/%d/nothing-here".formatted(REFERENCE_TENANT),
				Map.of());

		assertThat(unsupported.statusCode()).isEqualTo(415);
		assertThat(client.read(unsupported).get("title").asString()).isEqualTo("Unsupported Media Type");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(client.read(unknown).get("title").asString()).isEqualTo("Not Found");
	}
}
