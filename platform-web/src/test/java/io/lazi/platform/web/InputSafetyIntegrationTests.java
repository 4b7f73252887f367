package io.lazi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a caller may send: NUL, other control characters, unpaired surrogates and non-characters in a
 * JSON field, a parameter or a path variable answer 400 naming it; a JSON body over 1 MB answers 413
 * whether or not its length is declared; a wrong type names its field; real text, emoji included, passes.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputSafetyIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void refusesUnsafeCharactersInJsonFieldsNamingTheField() throws Exception {

		assertRefused(post("{\"name\":\"a\\u0000b\",\"tags\":[],\"count\":1}"), "name");
		assertRefused(post("{\"name\":\"a\\ud800b\",\"tags\":[],\"count\":1}"), "name");
		assertRefused(post("{\"name\":\"a\\udc00\",\"tags\":[],\"count\":1}"), "name");
		assertRefused(post("{\"name\":\"a\\u0007\",\"tags\":[],\"count\":1}"), "name");
		assertRefused(post("{\"name\":\"ok\",\"tags\":[\"fine\",\"\\uffff\"],\"count\":1}"), "tags[1]");
		assertRefused(post("{\"name\":\"ok\",\"tags\":[\"\\ufdd0\"],\"count\":1}"), "tags[0]");
	}

	@Test
	void refusesUnsafeCharactersInBodiesReadAsTreesNamingThePath() throws Exception {

		assertRefused(send(HttpRequest.newBuilder(uri("/trees"))
			.POST(BodyPublishers.ofString("{\"items\":[{\"name\":\"ok\"},{\"name\":\"a\\u0000\"}]}"))), "items[1].name");
		assertRefused(send(HttpRequest.newBuilder(uri("/trees")).POST(BodyPublishers.ofString("{\"name\":\"\\ud800\"}"))), "name");
		var fine = send(HttpRequest.newBuilder(uri("/trees")).POST(BodyPublishers.ofString("{\"name\":\"Caf\\u00e9\"}")));
		assertThat(fine.statusCode()).isEqualTo(200);
	}

	@Test
	void acceptsRealTextWithEmojiTabsAndNewlines() throws Exception {

		var response = post("{\"name\":\"Pool \\ud83c\\udfca\\tpumps\\nand filters\",\"tags\":[\"Caf\\u00e9\"],\"count\":2}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo("Pool \uD83C\uDFCA\tpumps\nand filters");
	}

	@Test
	void namesTheFieldOfAWrongType() throws Exception {

		var response = post("{\"name\":\"ok\",\"tags\":[],\"count\":\"many\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("field").asString()).isEqualTo("count");
	}

	@Test
	void refusesUnsafeParametersAndPathVariablesNamingThem() throws Exception {

		assertRefused(get("/search/materials?q=a%00b"), "q");
		assertRefused(get("/search/materials?q=%ED%A0%80"), "q");
		assertRefused(get("/search/a%01b?q=ok"), "scope");
		var fine = get("/search/materials?q=" + java.net.URLEncoder.encode("Café 🏊", StandardCharsets.UTF_8));
		assertThat(fine.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(fine.body()).path("q").asString()).isEqualTo("Café 🏊");
	}

	@Test
	void answers413ForJsonBodiesOverTheLimitDeclaredOrNot() throws Exception {

		var big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"tags\":[],\"count\":1}";
		var declared = send(HttpRequest.newBuilder(uri("/notes")).POST(BodyPublishers.ofString(big)));
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("https://lazi.io/problems/content-too-large");

		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)));
		var streamed = send(HttpRequest.newBuilder(uri("/notes")).POST(chunked));
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(streamed.body()).contains("https://lazi.io/problems/content-too-large");

		var justUnder = "{\"name\":\"" + "x".repeat(1_000_000) + "\",\"tags\":[],\"count\":1}";
		assertThat(send(HttpRequest.newBuilder(uri("/notes")).POST(BodyPublishers.ofString(justUnder))).statusCode())
			.isEqualTo(200);
	}

	private void assertRefused(HttpResponse<String> response, String field) {

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		var problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://lazi.io/problems/validation");
		assertThat(problem.path("field").asString()).isEqualTo(field);
		assertThat(problem.path("detail").asString()).contains("must not contain NUL");
	}

	private HttpResponse<String> post(String json) throws Exception {
		return send(HttpRequest.newBuilder(uri("/notes")).POST(BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {

		try (var http = HttpClient.newHttpClient()) {
			return http.send(request.header("X-Tenant-ID", "1000000001").header("Content-Type", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
