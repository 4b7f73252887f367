package io.lazi.image.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lazi.image.ImageIntegrationTestSupport;
import io.lazi.image.TestImages;
import io.lazi.platform.test.TestTokens;

/**
 * {@code POST /images/uploads}: each accepted format, each refusal, retrieval by id within the tenant;
 * {@code GET}/{@code HEAD /internal/uploads/{id}} for services of scope {@code internal:uploads} only.
 */
class UploadIntegrationTests extends ImageIntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	static java.util.stream.Stream<Arguments> accepted() {
		return java.util.stream.Stream.of(Arguments.of("image/png", TestImages.png(11)),
				Arguments.of("image/jpeg", TestImages.jpeg(12)), Arguments.of("image/gif", TestImages.gif(13)),
				Arguments.of("image/webp", TestImages.webp()));
	}

	@ParameterizedTest
	@MethodSource("accepted")
	void acceptsEachFormatAndServesItBackById(String type, byte[] bytes) {

		var tenant = newTenant();
		var response = upload(tenant, "photo", type, bytes);

		assertThat(response.statusCode()).isEqualTo(201);
		var body = text(response);
		var id = body.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(body).contains("\"url\":\"/images/uploads/" + id + "\"").contains("\"contentType\":\"" + type + "\"");
		assertThat(response.headers().firstValue("Location")).hasValue("/images/uploads/" + id);

		var fetched = get("/images/uploads/" + id, tenant);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo(bytes);
		assertThat(fetched.headers().firstValue("Content-Type")).hasValue(type);
		assertThat(get("/images/uploads/" + id, newTenant()).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesAnUnsupportedTypeWith415() {
		assertRefused(upload(newTenant(), "doc", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)), 415);
	}

	@Test
	void refusesBytesThatDoNotMatchTheClaimedTypeWith415() {

		assertRefused(upload(newTenant(), "fake", "image/png", TestImages.jpeg(14)), 415);
		assertRefused(upload(newTenant(), "html", "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)), 415);
	}

	@Test
	void refusesAFileOverTheLimitWith413() {

		var big = new byte[80 * 1024];
		System.arraycopy(TestImages.png(15), 0, big, 0, 8);
		assertThat(upload(newTenant(), "big", "image/png", big).statusCode()).isEqualTo(413);
	}

	@Test
	void refusesAMissingFileWith400() {

		var tenant = newTenant();
		var response = upload(tenant, "other", "image/png", TestImages.png(16), "notfile");
		assertRefused(response, 400);
	}

	@Test
	void answers404ForAnUnknownId() {
		assertThat(get("/images/uploads/" + UUID.randomUUID(), newTenant()).statusCode()).isEqualTo(404);
		assertThat(get("/images/uploads/not-a-uuid", newTenant()).statusCode()).isEqualTo(400);
	}

	@Test
	void servesAnUploadToServicesOfTheUploadsScopeWithinTheTenant() {

		var tenant = newTenant();
		var png = TestImages.png(17);
		var id = text(upload(tenant, "internal", "image/png", png)).replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		var uploads = TestTokens.service("internal:uploads");

		var fetched = internal("GET", id, tenant, uploads);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo(png);
		assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(internal("HEAD", id, tenant, uploads).statusCode()).isEqualTo(200);
		assertThat(internal("HEAD", id, newTenant(), uploads).statusCode()).isEqualTo(404);
		assertThat(internal("GET", id, newTenant(), uploads).statusCode()).isEqualTo(404);
		assertThat(internal("HEAD", UUID.randomUUID().toString(), tenant, uploads).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesTheInternalUploadsToUsersAndOtherScopes() {

		var tenant = newTenant();
		var id = UUID.randomUUID().toString();

		assertThat(internal("GET", id, tenant, null).statusCode()).isEqualTo(401);
		assertThat(internal("GET", id, tenant, owner(tenant)).statusCode()).isEqualTo(403);
		assertThat(internal("HEAD", id, tenant, owner(tenant)).statusCode()).isEqualTo(403);
		assertThat(internal("GET", id, tenant, TestTokens.service("internal:servicetitan-images")).statusCode()).isEqualTo(401);
		var wrongScope = TestTokens.service("st-ingest-service", "internal:sync", "image-service").sign();
		assertThat(internal("GET", id, tenant, wrongScope).statusCode()).isEqualTo(403);
		assertThat(internal("POST", id, tenant, TestTokens.service("internal:uploads")).statusCode()).isEqualTo(403);
	}

	private HttpResponse<byte[]> internal(String method, String id, String tenant, @Nullable String token) {

		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/uploads/" + id))
			.header("X-Tenant-ID", tenant)
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private void assertRefused(HttpResponse<byte[]> response, int status) {

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(response)).contains("\"field\":\"file\"");
		assertThat(jdbc.sql("select count(*) from uploaded_image where created_at > now() - interval '1 minute' and file_name = ?")
			.param("never-stored").query(Long.class).single()).isZero();
	}

	private HttpResponse<byte[]> upload(String tenant, String name, String type, byte[] bytes) {
		return upload(tenant, name, type, bytes, "file");
	}

	private HttpResponse<byte[]> upload(String tenant, @Nullable String name, String type, byte[] bytes, String part) {

		var boundary = "lazi" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images/uploads"))
			.header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + owner(tenant))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}
}
