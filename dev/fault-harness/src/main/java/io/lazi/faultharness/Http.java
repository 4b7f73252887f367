package io.lazi.faultharness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** JSON over HTTP for the harness: one shared client, answers as status and tree, network errors as status 0. */
final class Http {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	/** The answer: {@code status} 0 when nothing answered (process down, connection reset). */
	record Response(int status, String body) {

		JsonNode json() {

			try {
				return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
			}
			catch (IOException ex) {
				return MissingNode.getInstance();
			}
		}

		boolean ok() {
			return status / 100 == 2;
		}
	}

	static Response send(String method, String url, Map<String, String> headers, String json, Duration timeout) {

		var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
		headers.forEach(request::header);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		try {
			var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Response(0, String.valueOf(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(0, "interrupted");
		}
	}

	static String json(Object value) {

		try {
			return JSON.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
