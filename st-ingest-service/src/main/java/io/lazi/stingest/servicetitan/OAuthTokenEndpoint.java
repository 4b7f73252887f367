package io.lazi.stingest.servicetitan;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * ServiceTitan's token endpoint: {@code POST {auth-url}/connect/token} with the form
 * {@code grant_type=client_credentials&client_id=…&client_secret=…}. Rejected credentials (4xx)
 * fail at once; 5xx and I/O failures are transient.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OAuthTokenEndpoint implements AccessTokens.TokenEndpoint {

	private final RestClient auth;

	private final ServiceTitanProperties properties;

	@Override
	public AccessTokens.IssuedToken requestToken(String tenant) {

		var credentials = properties.effectiveTenants().get(tenant);
		if (credentials == null) {
			throw new ServiceTitanException("Tenant " + tenant + " has no ServiceTitan credentials configured");
		}
		var form = new LinkedMultiValueMap<String, String>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", credentials.clientId());
		form.add("client_secret", credentials.clientSecret());
		try {
			return auth.post()
				.uri("/connect/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.exchange((request, response) -> {
					var status = response.getStatusCode();
					if (status.is2xxSuccessful()) {
						var body = response.bodyTo(TokenResponse.class);
						if (body == null || body.accessToken() == null || body.expiresIn() == null) {
							throw new ServiceTitanException("ServiceTitan token response of tenant " + tenant
									+ " lacks access_token or expires_in");
						}
						return new AccessTokens.IssuedToken(body.accessToken(), body.expiresIn());
					}
					var reason = Bodies.snippet(response);
					if (status.is5xxServerError()) {
						throw TransientFailure.of("ServiceTitan token endpoint answered " + status.value(), null);
					}
					throw new ServiceTitanException("ServiceTitan rejected the client credentials of tenant " + tenant
							+ " (client id " + credentials.clientId() + "): HTTP " + status.value() + " " + reason);
				});
		}
		catch (ResourceAccessException ex) {
			throw TransientFailure.of("ServiceTitan token endpoint unreachable: " + ex.getMessage(), ex);
		}
	}

	private record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("expires_in") @Nullable Long expiresIn) {
	}
}
