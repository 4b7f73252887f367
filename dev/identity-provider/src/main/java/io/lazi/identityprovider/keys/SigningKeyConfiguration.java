package io.lazi.identityprovider.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.lazi.identityprovider.IdentityProviderProperties;

/**
 * The JWK source the authorization server signs with and publishes at {@code /oauth2/jwks} (the
 * public half only), and the decoder its OIDC user-info endpoint checks access tokens with.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProviderProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(properties.keyFile())));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}
}
