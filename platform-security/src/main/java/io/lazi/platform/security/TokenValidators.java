package io.lazi.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claim checks every Lazi resource server applies: {@code exp} present and not passed,
 * {@code nbf} reached, {@code iss} the configured issuer, {@code aud} containing the user audience or
 * the service's own name, {@code iat} present with {@code exp - iat} and {@code exp - now} at most the
 * maximum lifetime, and a non-blank {@code sub}. The signature algorithm is the decoder's concern.
 */
public final class TokenValidators {

	/** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
	static final Duration SKEW = Duration.ofSeconds(30);

	private TokenValidators() {
	}

	/** @param service this service's {@code spring.application.name}, an accepted {@code aud} */
	public static OAuth2TokenValidator<Jwt> create(SecurityProperties properties, String service) {
		return create(properties, service, Clock.systemUTC());
	}

	static OAuth2TokenValidator<Jwt> create(SecurityProperties properties, String service, Clock clock) {

		var timestamps = new JwtTimestampValidator(SKEW);
		timestamps.setClock(clock);
		var audiences = List.of(properties.audience(), service);
		return new DelegatingOAuth2TokenValidator<>(List.of(
				new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
				timestamps,
				new JwtIssuerValidator(properties.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.stream().anyMatch(audiences::contains)),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
				lifetime(properties.maxTokenLifetime(), clock)));
	}

	private static OAuth2TokenValidator<Jwt> lifetime(Duration max, Clock clock) {

		return jwt -> {
			var issued = jwt.getIssuedAt();
			var expires = jwt.getExpiresAt();
			var now = clock.instant();
			if (issued == null || expires == null || issued.isAfter(now.plus(SKEW))
					|| Duration.between(issued, expires).compareTo(max) > 0
					|| Duration.between(now, expires).compareTo(max.plus(SKEW)) > 0) {
				return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
						"The token's lifetime exceeds " + max, null));
			}
			return OAuth2TokenValidatorResult.success();
		};
	}
}
