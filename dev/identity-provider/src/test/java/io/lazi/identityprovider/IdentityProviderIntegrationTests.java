package io.lazi.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import io.lazi.identityprovider.clients.ServiceClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider over real HTTP, as the services, {@code ./lazi token} and a browser use it;
 * every token is checked against the published JWKS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderIntegrationTests {

	static final String ISSUER = "http://127.0.0.1:9000";

	static final String PASSWORD = "users-test-password";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {

		var directory = Files.createTempDirectory("identity-provider-test");
		registry.add("lazi.identity-provider.issuer", () -> ISSUER);
		registry.add("lazi.identity-provider.key-file", () -> directory.resolve("signing-key.json").toString());
		registry.add("lazi.identity-provider.users-password", () -> PASSWORD);
		for (var service : ServiceClient.values()) {
			registry.add("lazi.identity-provider.client-secrets[" + service.clientId() + "]", () -> secret(service.clientId()));
		}
		registry.add("lazi.identity-provider.client-secrets[lazi-cli]", () -> secret("lazi-cli"));
		registry.add("lazi.identity-provider.console-origins", () -> "http://localhost:5173,http://127.0.0.1:8080,"
				+ CONSOLE_ORIGIN);
	}

	/** A console served by a gateway on a port of the caller's choosing, as ./lazi up passes it. */
	static final String CONSOLE_ORIGIN = "http://localhost:25980";

	@LocalServerPort
	int port;

	@Test
	void publishesDiscoveryAndTheSigningKey() {

		var discovery = json(get("/.well-known/openid-configuration"));
		assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
		assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
		assertThat(discovery.path("id_token_signing_alg_values_supported").toString()).contains("RS256");

		var keys = json(get("/oauth2/jwks")).path("keys");
		assertThat(keys.size()).isEqualTo(1);
		var key = keys.get(0);
		assertThat(key.path("kty").asString()).isEqualTo("RSA");
		assertThat(key.path("kid").asString()).isNotBlank();
		assertThat(key.has("d")).as("private exponent").isFalse();
		assertThat(key.has("p")).isFalse();
	}

	@ParameterizedTest
	@EnumSource(ServiceClient.class)
	void aServiceGetsAShortTokenForItsOwnScopeAddressedToTheServingService(ServiceClient service) {

		var api = service.apis().getFirst();
		var response = token(service.clientId(), Map.of("grant_type", "client_credentials", "scope", api.value()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var jwt = verify(json(response).path("access_token").asString());
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
		assertThat(jwt.getSubject()).isEqualTo(service.clientId());
		assertThat(jwt.getAudience()).containsExactly(api.audience());
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly(api.value());
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
		assertThat(jwt.hasClaim("tenants")).isFalse();
		assertThat(jwt.hasClaim("roles")).isFalse();
	}

	@Test
	void aServiceIsRefusedAnotherServicesScopeOrNoScope() {

		var foreign = token("image-service", Map.of("grant_type", "client_credentials", "scope", "internal:uploads"));
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(json(foreign).path("error").asString()).isEqualTo("invalid_scope");

		var none = token("image-service", Map.of("grant_type", "client_credentials"));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(json(none).path("error").asString()).isEqualTo("invalid_scope");

		var userScope = token("pricebook-service", Map.of("grant_type", "client_credentials", "scope", "openid"));
		assertThat(userScope.statusCode()).isEqualTo(400);
	}

	@Test
	void servicesThatCallNoInternalApiHaveNoClient() {

		for (var service : List.of("field-service", "notification-service")) {
			var response = token(service, Map.of("grant_type", "client_credentials"));
			assertThat(response.statusCode()).as(service).isEqualTo(401);
			assertThat(json(response).path("error").asString()).as(service).isEqualTo("invalid_client");
		}
	}

	@Test
	void aWrongSecretIsRefused() {

		var response = send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Authorization", basic("image-service", "not-the-secret"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "scope",
					"internal:servicetitan-images"))))
			.build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).path("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void theCliGetsAUserTokenWithTheClaimsItAsksFor() {

		var response = token("lazi-cli", Map.of("grant_type", "client_credentials", "sub", "ada", "tenants",
				"3222348440,1000000002", "roles", "ADMIN,VIEWER", "ttl", "120"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json(response).path("expires_in").asLong()).isBetween(119L, 120L);
		var jwt = verify(json(response).path("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo("ada");
		assertThat(jwt.getAudience()).containsExactly("lazi-api");
		assertThat(jwt.getClaimAsStringList("tenants")).containsExactly("3222348440", "1000000002");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ADMIN", "VIEWER");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofSeconds(120));
		assertThat(jwt.getNotBefore()).isEqualTo(jwt.getIssuedAt());
		assertThat(jwt.getId()).isNotBlank();
	}

	@Test
	void theCliTokenLivesAtMostTheMaximum() {

		var response = token("lazi-cli", Map.of("grant_type", "client_credentials", "sub", "ada", "tenants", "3222348440",
				"roles", "VIEWER"));
		var jwt = verify(json(response).path("access_token").asString());
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "roles=ROOT", "tenants=32223484x0", "ttl=3601", "sub=" })
	void theCliIsRefusedABadRequest(String wrong) {

		var parameters = new LinkedHashMap<>(Map.of("grant_type", "client_credentials", "sub", "ada", "tenants",
				"3222348440", "roles", "ADMIN"));
		var split = wrong.split("=", 2);
		parameters.put(split[0], split[1]);
		var response = token("lazi-cli", parameters);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isEqualTo("invalid_request");
		assertThat(json(response).path("error_description").asString()).contains("'" + split[0] + "'");
	}

	@Test
	void aUserLogsInToTheConsoleWithPkceAndGetsAUserToken() throws Exception {

		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var verifier = Base64.getUrlEncoder().withoutPadding().encodeToString("a-verifier-of-enough-length-0123456789".getBytes());
		var challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		var redirect = "http://localhost:5173/";
		var authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "lazi-console",
				"redirect_uri", redirect, "scope", "openid profile", "state", "s1", "code_challenge", challenge,
				"code_challenge_method", "S256"));

		var toLogin = send(browser, HttpRequest.newBuilder(url(authorize)).header("Accept", "text/html").GET().build());
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/login");
		var loginPage = send(browser, HttpRequest.newBuilder(url("/login")).GET().build());
		var csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as(loginPage.body()).isTrue();
		var loggedIn = send(browser, HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "dispatcher@1000000002", "password",
					PASSWORD, "_csrf", csrf.group(1)))))
			.build());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		var authorized = send(browser, HttpRequest.newBuilder(URI.create(location(loggedIn))).GET().build());
		assertThat(authorized.statusCode()).isEqualTo(302);
		var callback = URI.create(location(authorized));
		assertThat(callback.toString()).startsWith(redirect).contains("state=s1");
		var code = query(callback).get("code");

		var response = send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
					"redirect_uri", redirect, "client_id", "lazi-console", "code_verifier", verifier))))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var jwt = verify(json(response).path("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo("dispatcher@1000000002");
		assertThat(jwt.getAudience()).containsExactly("lazi-api");
		assertThat(jwt.getClaimAsStringList("tenants")).containsExactly("1000000002");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("DISPATCHER");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
		// Spring Authorization Server issues no refresh token to a public client (no client authentication
		// to bind it to); the console logs in again, silently while its IdP session lasts.
		assertThat(json(response).has("refresh_token")).isFalse();
		var idToken = verify(json(response).path("id_token").asString());
		assertThat(idToken.getAudience()).containsExactly("lazi-console");
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("DISPATCHER");
	}

	@Test
	void acceptsTheRedirectUriOfAConfiguredConsoleOriginOnly() {

		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		send(browser, HttpRequest.newBuilder(url(consoleAuthorize(CONSOLE_ORIGIN + "/"))).header("Accept", "text/html").GET().build());
		var loginPage = send(browser, HttpRequest.newBuilder(url("/login")).GET().build());
		var csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		var loggedIn = send(browser, HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "admin@3222348440", "password", PASSWORD,
					"_csrf", csrf.group(1)))))
			.build());
		var configured = send(browser, HttpRequest.newBuilder(URI.create(location(loggedIn))).GET().build());
		assertThat(configured.statusCode()).isEqualTo(302);
		assertThat(location(configured)).startsWith(CONSOLE_ORIGIN + "/?code=");

		var other = send(browser, HttpRequest.newBuilder(url(consoleAuthorize("http://localhost:8080/")))
			.header("Accept", "text/html").GET().build());
		assertThat(other.statusCode()).as("a redirect URI of no configured origin").isEqualTo(400);
	}

	@Test
	void answersCorsForTheConsoleOriginsOnly() {

		var preflight = send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Origin", CONSOLE_ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE_ORIGIN);

		for (var path : List.of("/.well-known/openid-configuration", "/oauth2/jwks")) {
			var read = send(HttpRequest.newBuilder(url(path)).header("Origin", CONSOLE_ORIGIN).GET().build());
			assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue(CONSOLE_ORIGIN);
		}

		var foreign = send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Origin", "http://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private static String consoleAuthorize(String redirect) {
		return "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "lazi-console", "redirect_uri",
				redirect, "scope", "openid profile", "state", "s3", "code_challenge",
				"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"));
	}

	@Test
	void theConsoleMustUsePkce() {

		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var response = send(browser, HttpRequest.newBuilder(url("/oauth2/authorize?" + form(Map.of("response_type",
				"code", "client_id", "lazi-console", "redirect_uri", "http://127.0.0.1:8080/", "scope", "openid",
				"state", "s2")))).header("Accept", "text/html").GET().build());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).startsWith("http://127.0.0.1:8080/").contains("error=invalid_request");
	}

	private Jwt verify(String token) {

		var decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/oauth2/jwks").build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		return decoder.decode(token);
	}

	private HttpResponse<String> token(String clientId, Map<String, String> parameters) {

		return send(HttpRequest.newBuilder(url("/oauth2/token"))
			.header("Authorization", basic(clientId, secret(clientId)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
			.build());
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(url(path)).GET().build());
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return send(HttpClient.newHttpClient(), request);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {

		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static Map<String, String> query(URI uri) {

		return Pattern.compile("&")
			.splitAsStream(uri.getRawQuery())
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** {@code parameters} URL-encoded as a form body or query, by Spring's form converter. */
	private static String form(Map<String, String> parameters) {

		var form = new LinkedMultiValueMap<String, String>();
		parameters.forEach(form::add);
		var body = new MockHttpOutputMessage();
		try {
			new FormHttpMessageConverter().write(form, MediaType.APPLICATION_FORM_URLENCODED, body);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return body.getBodyAsString(StandardCharsets.UTF_8);
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	static String secret(String clientId) {
		return "secret-of-" + clientId;
	}
}
