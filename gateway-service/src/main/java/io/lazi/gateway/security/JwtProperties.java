package io.lazi.gateway.security;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks tokens ({@code lazi.gateway.jwt.*}); exactly one key source must be set.
 *
 * @param hmacSecret shared HS256 secret, at least 32 bytes (local use; {@code LAZI_JWT_SECRET})
 * @param jwkSetUri JWK set of the identity provider (production; {@code LAZI_JWT_JWK_SET_URI})
 * @param issuer required {@code iss} claim, unchecked when blank ({@code LAZI_JWT_ISSUER})
 */
@ConfigurationProperties("lazi.gateway.jwt")
record JwtProperties(@Nullable String hmacSecret, @Nullable URI jwkSetUri, @Nullable String issuer) {
}
