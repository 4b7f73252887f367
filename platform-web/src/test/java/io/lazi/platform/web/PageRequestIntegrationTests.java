package io.lazi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PageRequest} parameters from {@code page} and {@code size}: defaults, the {@link Page} JSON
 * shape, and 400 validation problems naming the parameter.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageRequestIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void pagesWithDefaultsAndAnswersThePageShape() throws Exception {

		var first = get("/numbers");
		assertThat(first.statusCode()).isEqualTo(200);
		var body = JSON.readTree(first.body());
		assertThat(body.path("items")).hasSize(PageRequest.DEFAULT_SIZE);
		assertThat(body.path("page").asInt()).isZero();
		assertThat(body.path("size").asInt()).isEqualTo(50);
		assertThat(body.path("totalItems").asLong()).isEqualTo(120);
		assertThat(body.path("totalPages").asInt()).isEqualTo(3);

		var last = JSON.readTree(get("/numbers?page=2&size=50").body());
		assertThat(last.path("items")).hasSize(20);
		assertThat(last.path("items").get(0).asInt()).isEqualTo(100);
	}

	@Test
	void answers400NamingTheParameterForBadPagesAndSizes() throws Exception {

		assertBadRequest(get("/numbers?page=-1"), "page", "must be greater than or equal to 0");
		assertBadRequest(get("/numbers?page=first"), "page", "must be a valid int");
		assertBadRequest(get("/numbers?size=0"), "size", "must be greater than or equal to 1");
		assertBadRequest(get("/numbers?size=501"), "size", "must be less than or equal to 500");
		assertBadRequest(get("/numbers?page=-1&size=0"), "page", "must be greater than or equal to 0");
	}

	@Test
	void answersAPathNoEndpointServesWithTheNotFoundProblem() throws Exception {

		var response = get("/numbers/extra");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("https://lazi.io/problems/not-found");
	}

	private HttpResponse<String> get(String path) throws Exception {

		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Tenant-ID", "3222348440")
			.build();
		try (var http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static void assertBadRequest(HttpResponse<String> response, String field, String message) {

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo(Problems.VALIDATION.toString());
		assertThat(problem.path("field").asString()).isEqualTo(field);
		assertThat(problem.path("detail").asString()).isEqualTo(field + ": " + message);
	}
}
