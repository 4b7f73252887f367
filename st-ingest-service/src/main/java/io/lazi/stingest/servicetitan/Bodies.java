package io.lazi.stingest.servicetitan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.client.ClientHttpResponse;

/** Short, single-line excerpts of error bodies for failure messages. */
final class Bodies {

	private static final int LIMIT = 300;

	private Bodies() {
	}

	static String snippet(ClientHttpResponse response) throws IOException {

		try (var in = response.getBody()) {
			var text = new String(in.readNBytes(LIMIT), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
			return text.isEmpty() ? "(empty body)" : text;
		}
	}
}
