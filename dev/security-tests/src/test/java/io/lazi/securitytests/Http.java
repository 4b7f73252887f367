package io.lazi.securitytests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP as an attacker sends it: any method, headers and body, no redirects followed. */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private Http() {
	}

	/** One answer; status 0 when the connection was refused or reset. */
	record Reply(int status, HttpHeaders headers, String body) {

		String summary() {
			return status + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
		}
	}

	static Reply get(String url, Map<String, String> headers) {
		return send("GET", url, headers, BodyPublishers.noBody());
	}

	/**
	 * Sends the request; a 429 is waited out (its {@code Retry-After}, at most five times), so that the
	 * gateway's rate limit does not hide what a probe would otherwise get.
	 */
	static Reply send(String method, String url, Map<String, String> headers, BodyPublisher body) {

		var reply = once(method, url, headers, body);
		for (int attempt = 0; attempt < 5 && reply.status() == 429; attempt++) {
			var wait = reply.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			try {
				Thread.sleep(Duration.ofSeconds(Math.min(wait, 5)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			reply = once(method, url, headers, body);
		}
		return reply;
	}

	/** Sends the request once, a 429 included. */
	static Reply once(String method, String url, Map<String, String> headers, BodyPublisher body) {

		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).method(method, body);
		headers.forEach(request::header);
		try {
			var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (java.net.ConnectException ex) {
			return new Reply(0, HttpHeaders.of(Map.of(), (a, b) -> true), "connection refused");
		}
		catch (IOException ex) {
			if (ex.getMessage() != null && (ex.getMessage().contains("reset") || ex.getMessage().contains("closed"))) {
				return new Reply(0, HttpHeaders.of(Map.of(), (a, b) -> true), "connection closed: " + ex.getMessage());
			}
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
