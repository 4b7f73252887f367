package io.lazi.platform.security;

import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Decoders that verify RS256 signatures with the identity provider's JWK set (fetched on first use,
 * refreshed on unknown key ids) and apply {@link TokenValidators}. Every other {@code alg} (HS*,
 * {@code none}) is refused. A key fetch that fails answers 503 ({@link SecurityProblems#AUTHENTICATION_UNAVAILABLE}).
 */
public final class TokenDecoders {

	/**
	 * How long the servlet decoder waits for the JWK set: Nimbus's default of 500 ms was too short for a busy
	 * identity provider on a loaded two-core machine, and a first request to a replica failed on it.
	 */
	static final Duration JWK_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration JWK_READ_TIMEOUT = Duration.ofSeconds(5);

	private TokenDecoders() {
	}

	/** For servlet services. */
	public static JwtDecoder servlet(SecurityProperties properties, String service) {

		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(JWK_CONNECT_TIMEOUT);
		requests.setReadTimeout(JWK_READ_TIMEOUT);
		var decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSet())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.restOperations(new RestTemplate(requests))
			.build();
		decoder.setJwtValidator(TokenValidators.create(properties, service));
		return decoder;
	}

	/**
	 * For reactive services and the gateway. Nimbus's reactive decoder fails a key fetch with a bare
	 * {@link IllegalStateException}, which Spring Security passes on as a 500; as a {@link JwtException} it
	 * becomes an {@code AuthenticationServiceException}, answered 503. A decode that waits longer than
	 * {@link #JWK_READ_TIMEOUT} for the keys fails the same way.
	 */
	public static ReactiveJwtDecoder reactive(SecurityProperties properties, String service) {

		var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSet())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(TokenValidators.create(properties, service));
		return token -> decoder.decode(token)
			.timeout(JWK_READ_TIMEOUT)
			.onErrorMap(ex -> !(ex instanceof JwtException),
					ex -> new JwtException("The identity provider's keys could not be fetched: " + ex, ex));
	}
}
