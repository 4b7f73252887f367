package io.lazi.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SPA's view of the platform: HTTP calls through the gateway with a token and a tenant. */
record Gateway(String baseUrl, HttpClient http) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	Gateway(String baseUrl) {
		this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
	}

	Response get(String path, String token, String tenant) {
		return send(request(path, token, tenant).GET().build());
	}

	Response post(String path, String token, String tenant) {
		return send(request(path, token, tenant).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	Response post(String path, String token, String tenant, String json) {
		return send(request(path, token, tenant).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** {@link #post(String, String, String, String)} as part of the caller's trace, a W3C {@code traceparent}. */
	Response post(String path, String token, String tenant, String json, String traceparent) {
		return send(request(path, token, tenant).header("Content-Type", "application/json")
			.header("traceparent", traceparent)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	Response put(String path, String token, String tenant, String json) {
		return send(request(path, token, tenant).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	Response delete(String path, String token, String tenant) {
		return send(request(path, token, tenant).DELETE().build());
	}

	/** A {@code multipart/form-data} upload of one part named {@code file}. */
	Response upload(String path, String token, String tenant, String fileName, String contentType, byte[] bytes) {

		var boundary = "lazi-e2e-" + System.nanoTime();
		var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		var tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(head);
		body.writeBytes(bytes);
		body.writeBytes(tail);
		return send(request(path, token, tenant).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private HttpRequest.Builder request(String path, String token, String tenant) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("X-Tenant-ID", tenant)
			.header("Accept", "application/json");
	}

	private Response send(HttpRequest request) {

		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}
	}
}
