package io.lazi.image.serving;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.lazi.image.ImageIntegrationTestSupport;
import io.lazi.platform.events.Topics;
import io.lazi.image.TestImages;
import io.lazi.image.content.ImageContent;
import io.lazi.platform.events.Events;
import io.lazi.platform.test.TestTokens;

/** Every tier of {@code /images/db/…}: memory, database, ServiceTitan through st-ingest, 404; ETag; single flight. */
class PricebookImageIntegrationTests extends ImageIntegrationTestSupport {

	private static final String ENDPOINT = "/internal/servicetitan/images";

	@Autowired
	private JdbcClient jdbc;

	@Test
	void fetchesFromServiceTitanOnceStoresTheBytesAndThenServesThemFromMemory() {

		var tenant = newTenant();
		var png = TestImages.png(1);
		UPSTREAM.stubFor(upstream(tenant, "Images/Category/a.png")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withHeader("Content-Location", "https://CDN.example/tenant/a.png?sig=1")
				.withBody(png)));

		publishNode(tenant, 41000001L, 0, "Images/Category/a.png");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var response = get("/images/db/categories/41000001", tenant);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(png);
		});
		var response = get("/images/db/categories/41000001", tenant);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(png.length));
		assertThat(storedImages(tenant)).isEqualTo(1);
		assertThat(jdbc.sql("select cdn_location from stored_image where tenant_id = ?").param(tenant).query(String.class).single())
			.isEqualTo("https://cdn.example/tenant/a.png?sig=1");
		UPSTREAM.verify(1, calls(tenant));
		var authorization = UPSTREAM.findAll(calls(tenant)).getFirst().getHeader("Authorization");
		assertThat(authorization).startsWith("Bearer ");
		assertThat(TestTokens.verifiedClaims(authorization.substring("Bearer ".length())))
			.containsEntry("sub", "image-service")
			.containsEntry("scope", "internal:servicetitan-images")
			.containsEntry("aud", java.util.List.of("st-ingest-service"));
		// On /actuator/prometheus: the listener that took the change, the call to st-ingest under its template,
		// the requests served, each series naming the service.
		var metrics = metrics();
		assertThat(metrics.find("spring_kafka_listener_seconds_bucket", "messaging_source_name", Topics.PRICEBOOK_CHANGED))
			.isNotEmpty();
		assertThat(metrics.find("http_client_requests_seconds_bucket", "uri", ENDPOINT + "?path={path}", "status", "200"))
			.isNotEmpty();
		assertThat(metrics.find("http_server_requests_seconds_bucket", "uri", "/images/db/categories/{stId}",
				"status", "200")).isNotEmpty();
		assertThat(metrics.without("application", "image-service")).isEmpty();
	}

	@Test
	void servesFromTheDatabaseThenFromMemoryWithTheSniffedType() {

		var tenant = newTenant();
		var jpeg = nodeWithStoredImage(tenant, 42000002L, 1, "Images/Sub/b.jpg", TestImages.jpeg(2));

		var fromDatabase = get("/images/db/subcategories/42000002", tenant);
		assertThat(fromDatabase.statusCode()).isEqualTo(200);
		assertThat(fromDatabase.body()).isEqualTo(jpeg);
		assertThat(fromDatabase.headers().firstValue("Content-Type")).hasValue("image/jpeg");

		jdbc.sql("delete from stored_image where tenant_id = ?").param(tenant).update();
		jdbc.sql("delete from node_image where tenant_id = ?").param(tenant).update();
		var fromMemory = get("/images/db/subcategories/42000002", tenant);
		assertThat(fromMemory.statusCode()).isEqualTo(200);
		assertThat(fromMemory.body()).isEqualTo(jpeg);
		UPSTREAM.verify(0, calls(tenant));
	}

	@Test
	void answers404ProblemsWhenNoTierHasTheImage() {

		var tenant = newTenant();
		insertNode(tenant, 43000001L, 0, null);
		insertNode(tenant, 43000002L, 2, "Images/Sub/missing.png");
		nodeWithStoredImage(tenant, 43000003L, 1, "Images/Sub/c.png", TestImages.png(3));
		UPSTREAM.stubFor(upstream(tenant, "Images/Sub/missing.png").willReturn(aResponse().withStatus(404)));

		for (var path : new String[] { "/images/db/categories/43000001", "/images/db/subcategories/43000002",
				"/images/db/categories/43999999", "/images/db/categories/43000003" }) {
			var response = get(path, tenant);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(text(response)).contains("https://lazi.io/problems/not-found");
		}
		assertThat(get("/images/db/categories/43000003", newTenant()).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesBadIdsAndMissingTenant() {

		var tenant = newTenant();
		assertThat(get("/images/db/categories/0", tenant).statusCode()).isEqualTo(400);
		assertThat(text(get("/images/db/categories/abc", tenant))).contains("\"field\":\"stId\"");
		assertThat(get("/images/db/categories/1", null).statusCode()).isEqualTo(400);
	}

	@Test
	void answers304WhenIfNoneMatchMatchesTheETag() {

		var tenant = newTenant();
		var png = nodeWithStoredImage(tenant, 44000001L, 0, "Images/Category/d.png", TestImages.png(4));

		var first = get("/images/db/categories/44000001", tenant);
		var etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).isEqualTo(ImageContent.sniff(png).orElseThrow().etag());
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600").contains("private");

		var revalidated = get("/images/db/categories/44000001", tenant, "If-None-Match", etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);

		var stale = get("/images/db/categories/44000001", tenant, "If-None-Match", "\"other\"");
		assertThat(stale.statusCode()).isEqualTo(200);
	}

	@Test
	void concurrentMissesCauseOneUpstreamFetch() throws Exception {

		var tenant = newTenant();
		var gif = TestImages.gif(5);
		insertNode(tenant, 45000001L, 1, "Images/Sub/e.gif");
		UPSTREAM.stubFor(upstream(tenant, "Images/Sub/e.gif")
			.willReturn(aResponse().withStatus(200).withFixedDelay(500).withBody(gif)));

		var results = new ArrayList<Future<HttpResponse<byte[]>>>();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 16; i++) {
				results.add(threads.submit((Callable<HttpResponse<byte[]>>) () -> get("/images/db/subcategories/45000001", tenant)));
			}
		}
		for (var result : results) {
			assertThat(result.get().statusCode()).isEqualTo(200);
			assertThat(result.get().body()).isEqualTo(gif);
			assertThat(result.get().headers().firstValue("Content-Type")).hasValue("image/gif");
		}
		UPSTREAM.verify(1, calls(tenant));
	}

	@Test
	void aChangedImagePathDropsTheCachedBytes() {

		var tenant = newTenant();
		var before = TestImages.png(6);
		var after = TestImages.png(7);
		nodeWithStoredImage(tenant, 46000001L, 0, "Images/Category/old.png", before);
		assertThat(get("/images/db/categories/46000001", tenant).body()).isEqualTo(before);
		UPSTREAM.stubFor(upstream(tenant, "Images/Category/new.png").willReturn(aResponse().withStatus(200).withBody(after)));

		publishNode(tenant, 46000001L, 0, "Images/Category/new.png");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/images/db/categories/46000001", tenant).body()).isEqualTo(after));
		assertThat(jdbc.sql("select count(*) from stored_image where tenant_id = ? and image_path = ?")
			.params(tenant, "Images/Category/old.png").query(Long.class).single()).isZero();
	}

	@Test
	void aPushedImageReplacesTheCachedBytes() {

		var tenant = newTenant();
		var before = TestImages.png(8);
		var pushed = TestImages.png(9);
		nodeWithStoredImage(tenant, 46000002L, 1, "Images/Sub/st.png", before);
		assertThat(get("/images/db/subcategories/46000002", tenant).body()).isEqualTo(before);
		UPSTREAM.stubFor(upstream(tenant, "Images/Upload/pushed.png").willReturn(aResponse().withStatus(200).withBody(pushed)));

		// What pricebook announces once ServiceTitan accepted an image override: no sync reports it afterwards.
		publishNode(Events.PRICEBOOK_CATEGORY_PUSHED, tenant, 46000002L, 1, "Images/Upload/pushed.png");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/images/db/subcategories/46000002", tenant).body()).isEqualTo(pushed));
	}

	@Test
	void answers502WhenServiceTitanSendsSomethingElseThanAnImage() {

		var tenant = newTenant();
		insertNode(tenant, 47000001L, 0, "Images/Category/html.png");
		UPSTREAM.stubFor(upstream(tenant, "Images/Category/html.png")
			.willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

		var response = get("/images/db/categories/47000001", tenant);
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(text(response)).doesNotContain("login");
		assertThat(storedImages(tenant)).isZero();
	}

	private static MappingBuilder upstream(String tenant, String path) {
		return com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(ENDPOINT)).withQueryParam("path", equalTo(path)).withHeader("X-Tenant-ID", equalTo(tenant));
	}

	private static RequestPatternBuilder calls(String tenant) {
		return getRequestedFor(urlPathEqualTo(ENDPOINT)).withHeader("X-Tenant-ID", equalTo(tenant));
	}

	private void insertNode(String tenant, long stId, int depth, String path) {
		new NodeImageRows(jdbc).insertNode(tenant, stId, depth, path);
	}

	private byte[] nodeWithStoredImage(String tenant, long stId, int depth, String path, byte[] bytes) {
		return new NodeImageRows(jdbc).nodeWithStoredImage(tenant, stId, depth, path, bytes);
	}

	private long storedImages(String tenant) {
		return jdbc.sql("select count(*) from stored_image where tenant_id = ?").param(tenant).query(Long.class).single();
	}
}
