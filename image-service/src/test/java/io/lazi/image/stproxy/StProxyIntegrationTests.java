package io.lazi.image.stproxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.lazi.image.ImageIntegrationTestSupport;
import io.lazi.image.TestImages;

/**
 * {@code GET /images/st/…} against WireMock on localhost (allowed in this context by
 * {@code allow-loopback}): the happy path, the refusals that need a live upstream, and 404 for objects
 * the tenant's own images did not come from.
 */
@ExtendWith(OutputCaptureExtension.class)
class StProxyIntegrationTests extends ImageIntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void answers404ForObjectsTheTenantsDataDoesNotReferenceWithoutFetchingThem() {

		UPSTREAM.stubFor(WireMock.get("/cdn/theirs.png").willReturn(aResponse().withStatus(200).withBody(TestImages.png(22))));
		referencing("/cdn/theirs.png");

		var unreferenced = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/theirs.png", newTenant());
		var otherObject = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/theirs.png?v=2", referencing("/cdn/mine.png"));

		assertThat(unreferenced.statusCode()).isEqualTo(404);
		assertThat(text(unreferenced)).contains("https://lazi.io/problems/not-found");
		assertThat(otherObject.statusCode()).isEqualTo(404);
		UPSTREAM.verify(0, getRequestedFor(urlPathEqualTo("/cdn/theirs.png")));
	}

	@Test
	void proxiesAnAllowedImageWithItsSniffedType() {

		var png = TestImages.png(21);
		UPSTREAM.stubFor(WireMock.get("/cdn/ok.png?sig=abc")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(png)));

		var response = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/ok.png?sig=abc", referencing("/cdn/ok.png?sig=abc"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(png);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.headers().firstValue("ETag")).isPresent();
		// The CDN call is measured by host, never by URL (a CDN object has no template).
		var metrics = metrics();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "client_name", "localhost", "uri", "none",
				"status", "200")).isNotEmpty();
		assertThat(metrics.values("http_client_requests_seconds_count", "uri")).noneMatch(uri -> uri.contains("sig"));
	}

	@Test
	void refusesARedirectOffTheAllowListWithoutFollowingIt(CapturedOutput output) {

		UPSTREAM.stubFor(WireMock.get(urlPathEqualTo("/cdn/redirect.png"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://evil.example/steal?secret=s3cr3t")));
		UPSTREAM.stubFor(WireMock.get("/cdn/meta.png")
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/latest/meta-data/")));

		var offList = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/redirect.png?token=t0ken", referencing("/cdn/redirect.png?token=t0ken"));
		var metadata = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/meta.png", referencing("/cdn/meta.png"));

		assertThat(offList.statusCode()).isEqualTo(403);
		assertThat(text(offList)).contains("https://lazi.io/problems/proxy-refused");
		assertThat(metadata.statusCode()).isEqualTo(403);
		assertThat(output.getOut()).contains("CDN proxy refused").doesNotContain("s3cr3t").doesNotContain("t0ken");
	}

	@Test
	void refusesBodiesThatAreNotImagesOrTooLarge() {

		UPSTREAM.stubFor(WireMock.get("/cdn/page.png").willReturn(aResponse().withStatus(200).withBody("<html>secret</html>")));
		UPSTREAM.stubFor(WireMock.get("/cdn/huge.png").willReturn(aResponse().withStatus(200).withBody(new byte[11 * 1024 * 1024])));

		var page = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/page.png", referencing("/cdn/page.png"));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(text(page)).doesNotContain("secret");
		assertThat(get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/huge.png", referencing("/cdn/huge.png")).statusCode()).isEqualTo(403);
	}

	@Test
	void refusesHostsOffTheAllowListAndPrivateAddressesBeforeConnecting() {

		// Referenced by the tenant's data, so that only the address policy stands between them and a fetch.
		var tenant = referencing("http://10.1.2.3/x.png", "http://169.254.169.254/latest/meta-data/");
		assertThat(get("/images/st/evil.example/x.png", tenant).statusCode()).isEqualTo(403);
		assertThat(get("/images/st/10.1.2.3/x.png", tenant).statusCode()).isEqualTo(403);
		assertThat(get("/images/st/169.254.169.254/latest/meta-data/", tenant).statusCode()).isEqualTo(403);
		assertThat(get("/images/st/localhost:1/x.png", tenant).statusCode()).isEqualTo(403);
		UPSTREAM.verify(0, getRequestedFor(urlPathEqualTo("/x.png")));
	}

	@Test
	void answers502WhenTheCdnFails() {

		UPSTREAM.stubFor(WireMock.get("/cdn/broken.png").willReturn(aResponse().withStatus(500).withBody("stack trace")));
		var response = get("/images/st/localhost:" + UPSTREAM.port() + "/cdn/broken.png", referencing("/cdn/broken.png"));
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(text(response)).doesNotContain("stack trace");
	}

	/**
	 * A new tenant whose stored images came from the CDN objects {@code locations}: absolute URLs, or
	 * paths (with query) on the upstream.
	 */
	private String referencing(String... locations) {

		var tenant = newTenant();
		for (var location : locations) {
			var url = location.startsWith("http") ? location : "http://localhost:" + UPSTREAM.port() + location;
			jdbc.sql("""
				insert into stored_image (tenant_id, image_path, content_type, etag, size_bytes, bytes, cdn_location, fetched_at)
				values (?, ?, 'image/png', '"e"', 1, '\\x00'::bytea, ?, now())""")
				.params(tenant, "Images/Category/" + url.hashCode() + ".png", url)
				.update();
		}
		return tenant;
	}
}
