package io.lazi.localstack.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks the identity provider for USER tokens as its dev client {@value StackSecrets#CLI_CLIENT}: a
 * client-credentials request whose extra parameters {@code sub}, {@code tenants}, {@code roles} and
 * {@code ttl} name the token wanted. Thread-safe.
 *
 * @param issuer the identity provider's issuer, e.g. {@code http://127.0.0.1:9000}; the token endpoint
 * is {@code {issuer}/oauth2/token}
 * @param clientSecret the secret of {@value StackSecrets#CLI_CLIENT}
 */
public record IdentityProviderClient(URI issuer, String clientSecret) {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The issuer of the identity provider the local stack starts on {@code port}: {@code http://127.0.0.1:<port>}. */
	public static URI localIssuer(int port) {
		return URI.create("http://127.0.0.1:" + port);
	}

	/**
	 * A user token.
	 * @param subject the {@code sub} claim
	 * @param tenants the {@code tenants} claim (tenant ids of 1–19 digits)
	 * @param roles the {@code roles} claim (OWNER, ADMIN, …)
	 * @param ttl its lifetime, at most the identity provider's maximum (1 h unless configured); whole
	 * seconds count
	 * @return the compact JWS
	 * @throws TokenRequestException when the identity provider refuses (its error and description in the
	 * message) or does not answer
	 */
	public String userToken(String subject, Collection<String> tenants, Collection<String> roles, Duration ttl) {

		var parameters = new LinkedHashMap<String, String>();
		parameters.put("grant_type", "client_credentials");
		parameters.put("sub", subject);
		parameters.put("tenants", String.join(",", tenants));
		parameters.put("roles", String.join(",", roles));
		parameters.put("ttl", String.valueOf(ttl.toSeconds()));
		var endpoint = URI.create(issuer + "/oauth2/token");
		var request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((StackSecrets.CLI_CLIENT + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
			.build();
		HttpResponse<String> response;
		try {
			response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new TokenRequestException("No identity provider answers at " + endpoint + " (" + ex + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TokenRequestException("Interrupted while asking " + endpoint + " for a token");
		}
		var body = json(response.body());
		if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
			var error = body.path("error").asText("");
			var description = body.path("error_description").asText("");
			throw new TokenRequestException("The identity provider at " + issuer + " refused the token (HTTP "
					+ response.statusCode() + (error.isEmpty() ? "" : " " + error)
					+ (description.isEmpty() ? "" : ": " + description)
					+ (error.isEmpty() ? ": " + response.body() : "") + ")");
		}
		return body.path("access_token").asText();
	}

	private static JsonNode json(String body) {

		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			// Not JSON (a proxy's page, say): the caller reports the raw body instead.
			return JSON.createObjectNode();
		}
	}

	private static String form(Map<String, String> parameters) {

		return parameters.entrySet()
			.stream()
			.map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The identity provider refused a token request or could not be reached; the message says which. */
	public static final class TokenRequestException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		TokenRequestException(String message) {
			super(message);
		}
	}
}
