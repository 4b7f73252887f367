package io.lazi.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TokenDecodersUnitTests {

	@Test
	void refusesToStartWithoutAKeySource() {

		assertThatIllegalStateException().isThrownBy(() -> TokenDecoders.create(new JwtProperties("", null, "")))
			.withMessageContaining("LAZI_JWT_SECRET")
			.withMessageContaining("LAZI_JWT_JWK_SET_URI");
	}

	@Test
	void refusesASecretShorterThan32Bytes() {

		assertThatIllegalStateException()
			.isThrownBy(() -> TokenDecoders.create(new JwtProperties("too-short-secret", null, null)))
			.withMessageContaining("at least 32 bytes");
	}

	@Test
	void acceptsASecretOrAJwkSet() {

		assertThat(TokenDecoders.create(new JwtProperties("0123456789abcdef0123456789abcdef", null, "lazi-dev")))
			.isNotNull();
		assertThat(TokenDecoders.create(new JwtProperties(null, URI.create("https://id.example/jwks"), null)))
			.isNotNull();
	}
}
