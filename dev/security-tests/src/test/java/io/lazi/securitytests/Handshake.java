package io.lazi.securitytests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A WebSocket opening handshake sent by hand, so that the probe sees the status the server answers
 * before any upgrade (401, 403, 429) and can hold many upgraded connections open. Close it to drop the
 * connection.
 */
final class Handshake implements AutoCloseable {

	private final Socket socket;

	private final int status;

	private Handshake(Socket socket, int status) {
		this.socket = socket;
		this.status = status;
	}

	/** Opens {@code url} (http scheme, path and query) with the extra {@code headers}; status 0 when refused. */
	static Handshake open(String url, Map<String, String> headers) {

		var uri = URI.create(url);
		try {
			var socket = new Socket(uri.getHost(), uri.getPort());
			socket.setSoTimeout(10_000);
			var request = new StringBuilder().append("GET ")
				.append(uri.getRawPath())
				.append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				.append(" HTTP/1.1\r\nHost: ")
				.append(uri.getHost())
				.append(':')
				.append(uri.getPort())
				.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
				.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
			var statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
			var status = statusLine == null ? 0 : Integer.parseInt(statusLine.split(" ")[1]);
			return new Handshake(socket, status);
		}
		catch (ConnectException ex) {
			return new Handshake(new Socket(), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int status() {
		return status;
	}

	@Override
	public void close() {

		try {
			socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
