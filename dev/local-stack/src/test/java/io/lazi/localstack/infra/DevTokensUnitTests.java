package io.lazi.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DevTokensUnitTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void mintsHs256TokenWithTheGatewayClaims() throws Exception {

		var issuedAt = Instant.parse("2026-01-02T03:04:05Z");
		var token = DevTokens.mint("s3cret-s3cret-s3cret-s3cret-s3cret", "alice", List.of("3222348440"),
				List.of("ADMIN", "VIEWER"), Duration.ofHours(8), issuedAt);

		var parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		var header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		assertThat(header.path("alg").asText()).isEqualTo("HS256");
		assertThat(header.path("typ").asText()).isEqualTo("JWT");
		var claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		assertThat(claims.path("sub").asText()).isEqualTo("alice");
		assertThat(claims.path("tenants").isArray()).isTrue();
		assertThat(claims.path("tenants").get(0).isTextual()).isTrue();
		assertThat(claims.path("tenants").get(0).asText()).isEqualTo("3222348440");
		assertThat(claims.path("roles")).extracting(node -> node.asText()).containsExactly("ADMIN", "VIEWER");
		assertThat(claims.path("iss").asText()).isEqualTo("lazi-dev");
		assertThat(claims.path("iat").asLong()).isEqualTo(issuedAt.getEpochSecond());
		assertThat(claims.path("exp").asLong()).isEqualTo(issuedAt.getEpochSecond() + 8 * 3600);
	}

	@Test
	void signsWithTheUtf8BytesOfTheSecret() throws Exception {

		var secret = DevTokens.newSecret();
		var token = DevTokens.mint(secret, "dev-user", List.of("1"), List.of("VIEWER"), Duration.ofMinutes(5));

		var signingInput = token.substring(0, token.lastIndexOf('.'));
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		var expected = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
		assertThat(token.substring(token.lastIndexOf('.') + 1)).isEqualTo(expected);
		assertThat(token).doesNotContain("=", "+", "/");
	}

	@Test
	void makesLongRandomSecrets() {

		var secret = DevTokens.newSecret();

		assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
		assertThat(DevTokens.newSecret()).isNotEqualTo(secret);
	}
}
