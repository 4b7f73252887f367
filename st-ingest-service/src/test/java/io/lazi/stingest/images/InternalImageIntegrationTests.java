package io.lazi.stingest.images;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.lazi.platform.test.TestTokens;
import io.lazi.stingest.IntegrationTestSupport;

/**
 * {@code GET /internal/servicetitan/images}: Images_Get through the guarded client, then the CDN; only
 * for a service token of scope {@code internal:servicetitan-images} (image-service's).
 */
class InternalImageIntegrationTests extends IntegrationTestSupport {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	private int port;

	@Test
	void followsTheRedirectToTheCdnAndAnswersItsBytes() throws Exception {

		var tenant = freshTenant();
		ST.stubFor(api(tenant, "/images").withQueryParam("path", equalTo("Images/Category/a b.png"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", ST.baseUrl() + "/cdn/" + tenant + "/a.png")));
		ST.stubFor(WireMock.get("/cdn/" + tenant + "/a.png").willReturn(aResponse().withStatus(200).withBody(PNG)));

		var response = get(tenant, "Images/Category/a b.png");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(PNG);
		assertThat(response.headers().firstValue("Content-Location")).hasValue(ST.baseUrl() + "/cdn/" + tenant + "/a.png");
		ST.verify(1, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/images")));
		// Both hops are measured: Images_Get under its template, the CDN download (no template) as uri none.
		var metrics = metrics();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "uri", "/pricebook/v2/tenant/{tenant}/images",
				"status", "302")).isNotEmpty();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "uri", "none", "method", "GET", "status", "200",
				"client_name", "localhost")).isNotEmpty();
	}

	@Test
	void answers404WhenServiceTitanHasNoImage() throws Exception {

		var tenant = freshTenant();
		ST.stubFor(api(tenant, "/images").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json").withBody("{\"title\":\"Not found\"}")));

		assertThat(get(tenant, "Images/none.png").statusCode()).isEqualTo(404);
	}

	@Test
	void refusesAPathOutsideImagesWithoutCallingServiceTitan() throws Exception {

		var tenant = freshTenant();
		var response = get(tenant, "Other/x.png");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"field\":\"path\"");
		ST.verify(0, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/images")));
	}

	@Test
	void answers502WhenTheCdnFails() throws Exception {

		var tenant = freshTenant();
		ST.stubFor(api(tenant, "/images")
			.willReturn(aResponse().withStatus(302).withHeader("Location", ST.baseUrl() + "/cdn/" + tenant + "/gone.png")));
		ST.stubFor(WireMock.get("/cdn/" + tenant + "/gone.png").willReturn(aResponse().withStatus(500)));

		assertThat(get(tenant, "Images/gone.png").statusCode()).isEqualTo(502);
	}

	@Test
	void answers404ForATenantWithoutCredentials() throws Exception {
		assertThat(get("1234", "Images/x.png").statusCode()).isEqualTo(404);
	}

	@Test
	void refusesCallersWithoutTheScopeBeforeAskingServiceTitan() throws Exception {

		var tenant = freshTenant();

		assertThat(get(tenant, "Images/a.png", null).statusCode()).isEqualTo(401);
		assertThat(get(tenant, "Images/a.png", TestTokens.user(tenant, "OWNER")).statusCode()).isEqualTo(403);
		assertThat(get(tenant, "Images/a.png", TestTokens.service("internal:sync")).statusCode()).isEqualTo(403);
		var foreignAudience = TestTokens.service("image-service", "internal:servicetitan-images", "image-service").sign();
		assertThat(get(tenant, "Images/a.png", foreignAudience).statusCode()).isEqualTo(401);
		ST.verify(0, getRequestedFor(urlPathEqualTo("/pricebook/v2/tenant/" + tenant + "/images")));
	}

	private HttpResponse<byte[]> get(String tenant, String path) throws Exception {
		return get(tenant, path, TestTokens.service("internal:servicetitan-images"));
	}

	private HttpResponse<byte[]> get(String tenant, String path, @Nullable String token) throws Exception {

		var uri = URI.create("http://localhost:" + port + "/internal/servicetitan/images?path="
				+ URLEncoder.encode(path, StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(uri).header("X-Tenant-ID", tenant).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (var http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
	}
}
