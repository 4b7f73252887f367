package io.lazi.stsimulator.auth;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lazi.stsimulator.faults.FaultKnobs;
import io.lazi.stsimulator.faults.TrafficStats;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ServiceTitan's OAuth2 token endpoint ({@code POST /connect/token}, client-credentials grant only),
 * answering errors the IdentityServer way: 400 with {@code {"error": "invalid_client"}} or
 * {@code {"error": "unsupported_grant_type"}}.
 */
@RestController
class TokenController {

	private final ClientRegistry clients;

	private final AccessTokens tokens;

	private final AuthSettings settings;

	private final FaultKnobs faults;

	private final TrafficStats stats;

	TokenController(ClientRegistry clients, AccessTokens tokens, AuthSettings settings, FaultKnobs faults,
			TrafficStats stats) {

		this.clients = clients;
		this.tokens = tokens;
		this.settings = settings;
		this.faults = faults;
		this.stats = stats;
	}

	@PostMapping(path = "/connect/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> token(@RequestParam(name = "grant_type", required = false) @Nullable String grantType,
			@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "client_secret", required = false) @Nullable String clientSecret) {

		if (clientId != null) {
			clients.tenantOf(clientId).ifPresent(stats::tokenRequest);
		}
		if (faults.current().tokenEndpointDown()) {
			return ResponseEntity.status(503).body(Map.of("error", "temporarily_unavailable"));
		}
		if (grantType == null || grantType.isBlank()) {
			return error("invalid_request");
		}
		if (!"client_credentials".equals(grantType)) {
			return error("unsupported_grant_type");
		}
		var tenant = clientId == null || clientSecret == null ? null
				: clients.authenticate(clientId, clientSecret).orElse(null);
		if (tenant == null) {
			return error("invalid_client");
		}
		var token = tokens.issue(tenant, clientId);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.body(new TokenResponse(token.value(), tokens.lifetimeSeconds(), "Bearer", settings.scope()));
	}

	private static ResponseEntity<?> error(String code) {
		return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(Map.of("error", code));
	}

	/**
	 * The OAuth2 token response.
	 */
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn,
			@JsonProperty("token_type") String tokenType, String scope) {
	}
}
