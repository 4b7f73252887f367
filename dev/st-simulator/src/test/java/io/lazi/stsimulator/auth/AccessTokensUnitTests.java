package io.lazi.stsimulator.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensUnitTests {

	private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

	private final AuthSettings settings = new AuthSettings("ak1.test", Duration.ofSeconds(900), "tn.pricebook",
			Map.of(3222348440L, new AuthSettings.ClientCredentials("cid.a", "cs1.a")));

	@Test
	void issuesAJwtShapedTokenBoundToItsTenant() {

		var tokens = new AccessTokens(settings, Clock.fixed(NOW, ZoneId.of("UTC")));

		var token = tokens.issue(3222348440L, "cid.a");

		assertThat(token.value().split("\\.")).hasSize(3);
		var header = new String(Base64.getUrlDecoder().decode(token.value().split("\\.")[0]), StandardCharsets.UTF_8);
		assertThat(header).contains("\"typ\":\"at+jwt\"");
		assertThat(tokens.find(token.value())).hasValueSatisfying(found -> assertThat(found.tenant()).isEqualTo(3222348440L));
		assertThat(tokens.find("not-issued")).isEmpty();
	}

	@Test
	void expiresTokensAfterTheirLifetime() {

		var token = new AccessTokens(settings, Clock.fixed(NOW, ZoneId.of("UTC"))).issue(3222348440L, "cid.a");

		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(900));
		assertThat(token.isExpiredAt(NOW.plusSeconds(899))).isFalse();
		assertThat(token.isExpiredAt(NOW.plusSeconds(900))).isTrue();
	}

	@Test
	void authenticatesOnlyMatchingClientCredentials() {

		var clients = new ClientRegistry(settings);

		assertThat(clients.authenticate("cid.a", "cs1.a")).contains(3222348440L);
		assertThat(clients.authenticate("cid.a", "cs1.b")).isEmpty();
		assertThat(clients.authenticate("cid.b", "cs1.a")).isEmpty();
		assertThat(clients.isAppKey("ak1.test")).isTrue();
		assertThat(clients.isAppKey("ak1.other")).isFalse();
	}
}
