package io.lazi.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lazi.platform.events.access.InternalScope;

/**
 * The identity provider of tests, standing in for the external one: an RSA key, its JWK set at
 * {@code {issuer}/oauth2/jwks}, and a client-credentials token endpoint at {@code {issuer}/oauth2/token}
 * for the services' confidential clients (secret {@link #CLIENT_SECRET}, {@code client_secret_basic};
 * each client gets only its scopes, {@code aud} the service owning the scope, lifetime 5 minutes). A
 * JDK HTTP server on 127.0.0.1, started once per test JVM. Thread-safe.
 */
public final class TestIdentityProvider {

	/** The client secret of every service client. */
	public static final String CLIENT_SECRET = "test-client-secret";


	private static @Nullable TestIdentityProvider instance;

	private final RSAKey key;

	private final String issuer;

	private TestIdentityProvider() throws IOException, JOSEException {

		key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
		var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/oauth2/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
		server.createContext("/oauth2/token", this::token);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
		issuer = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The provider of this JVM, started on first use. */
	public static synchronized TestIdentityProvider get() {

		if (instance == null) {
			try {
				instance = new TestIdentityProvider();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not generate the test signing key", ex);
			}
		}
		return instance;
	}

	/** The {@code iss} of its tokens, e.g. {@code http://127.0.0.1:41234}. */
	public String issuer() {
		return issuer;
	}

	/** The signing key (private part included), for {@link TestTokens}. */
	RSAKey key() {
		return key;
	}

	private void token(HttpExchange exchange) throws IOException {

		if (!exchange.getRequestMethod().equals("POST")) {
			answer(exchange, 405, "{\"error\":\"invalid_request\"}");
			return;
		}
		var client = client(exchange.getRequestHeaders().getFirst("Authorization"));
		if (client == null) {
			answer(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (!"client_credentials".equals(form.get("grant_type"))) {
			answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
			return;
		}
		var scope = InternalScope.ofValue(form.getOrDefault("scope", "")).filter(api -> api.callers().contains(client));
		if (scope.isEmpty()) {
			answer(exchange, 400, "{\"error\":\"invalid_scope\"}");
			return;
		}
		var lifetime = Duration.ofMinutes(5);
		var token = TestTokens.service(client, scope.get().value(), scope.get().audience()).lifetime(lifetime).sign();
		answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ lifetime.toSeconds() + ",\"scope\":\"" + scope.get().value() + "\"}");
	}

	/** The client id of valid {@code client_secret_basic} credentials, else {@code null}. */
	private static @Nullable String client(@Nullable String authorization) {

		if (authorization == null || !authorization.startsWith("Basic ")) {
			return null;
		}
		var decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		var colon = decoded.indexOf(':');
		if (colon < 0) {
			return null;
		}
		var id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
		var secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
		return !InternalScope.grantedTo(id).isEmpty() && CLIENT_SECRET.equals(secret) ? id : null;
	}

	private static Map<String, String> form(String body) {

		var form = new HashMap<String, String>();
		for (var pair : body.split("&")) {
			var eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {

		var body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
		exchange.sendResponseHeaders(status, body.length);
		try (var out = exchange.getResponseBody()) {
			out.write(body);
		}
	}
}
