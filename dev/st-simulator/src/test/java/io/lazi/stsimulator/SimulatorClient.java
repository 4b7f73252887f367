package io.lazi.stsimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain {@link HttpClient} talking to a running simulator the way a ServiceTitan client would.
 * Does not follow redirects. {@link #get} retries a 429 after its {@code Retry-After}, as a
 * well-behaved client does, so tests sharing a tenant's budget stay independent.
 */
final class SimulatorClient {

	static final long REFERENCE_TENANT = 3222348440L;

	static final long ISOLATION_TENANT = 1000000002L;

	static final String APP_KEY = "ak1.lazi-simulator";

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<Long, String> tokens = new ConcurrentHashMap<>();

	private final String base;

	SimulatorClient(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> requestToken(String grantType, String clientId, String clientSecret) {

		var form = "grant_type=%s&client_id=%s&client_secret=%s".formatted(encode(grantType), encode(clientId),
				encode(clientSecret));
		return send(HttpRequest.newBuilder(URI.create(base + "/connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	String token(long tenant) {
		return tokens.computeIfAbsent(tenant, key -> {
			var response = requestToken("client_credentials", "cid.sim-" + key, "cs1.sim-" + key);
			return read(response).get("access_token").asString();
		});
	}

	Map<String, String> apiHeaders(long tenant) {
		return Map.of("Authorization", "Bearer " + token(tenant), "ST-App-Key", APP_KEY);
	}

	/** An authenticated GET of a tenant's API path; a 429 is retried after its Retry-After. */
	HttpResponse<String> get(long tenant, String path, Map<String, String> query) {

		var response = getOnce(uri(path, query), apiHeaders(tenant));
		for (var attempt = 0; attempt < 5 && response.statusCode() == 429; attempt++) {
			sleep(Duration.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"))));
			response = getOnce(uri(path, query), apiHeaders(tenant));
		}
		return response;
	}

	HttpResponse<String> getOnce(URI uri, Map<String, String> headers) {

		var request = HttpRequest.newBuilder(uri).GET();
		headers.forEach(request::header);
		return send(request.build());
	}

	/** An authenticated call with a JSON body (or none), sent once: a 429 is returned as it is. */
	HttpResponse<String> call(long tenant, String method, String path, @Nullable String body) {

		var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
		var request = HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		apiHeaders(tenant).forEach(request::header);
		return send(request.build());
	}

	/** An authenticated {@code multipart/form-data} POST with one file part named {@code partName}. */
	HttpResponse<String> upload(long tenant, String path, String partName, String fileName, byte[] content) {

		var boundary = "----sim" + Long.toHexString(System.nanoTime());
		var head = ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").formatted(boundary, partName, fileName);
		var tail = "\r\n--%s--\r\n".formatted(boundary);
		var bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(content);
		bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
		apiHeaders(tenant).forEach(request::header);
		return send(request.build());
	}

	HttpResponse<byte[]> getBytes(URI uri) {
		try {
			return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> admin(String method, String path, @Nullable String body) {

		var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.method(method, publisher)
			.build());
	}

	HttpClient http() {
		return http;
	}

	URI uri(String path, Map<String, String> query) {

		var ordered = new LinkedHashMap<>(query);
		var queryString = ordered.entrySet().stream()
			.map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString));
	}

	JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
