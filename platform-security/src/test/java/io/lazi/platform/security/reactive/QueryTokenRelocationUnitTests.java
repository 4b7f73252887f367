package io.lazi.platform.security.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** A query token leaves the URL everywhere; only on the handshake does it become the bearer. */
class QueryTokenRelocationUnitTests {

	@Test
	void movesAHandshakesQueryTokenIntoTheHeader() {

		var request = QueryTokenRelocation.relocated(MockServerHttpRequest.get("/ws?access_token=a.b%2Bc&tenant=42").build());

		assertThat(request.getURI().getRawQuery()).isEqualTo("tenant=42");
		assertThat(request.getHeaders().getFirst("Authorization")).isEqualTo("Bearer a.b+c");
	}

	@Test
	void dropsItElsewhereAndKeepsAHeaderTheClientSent() {

		var rest = QueryTokenRelocation.relocated(MockServerHttpRequest.get("/api/x?access_token=t&page=1").build());
		var both = QueryTokenRelocation.relocated(
				MockServerHttpRequest.get("/ws?access_token=query").header("Authorization", "Bearer header").build());

		assertThat(rest.getURI().getRawQuery()).isEqualTo("page=1");
		assertThat(rest.getHeaders().containsHeader("Authorization")).isFalse();
		assertThat(both.getURI().getRawQuery()).isNull();
		assertThat(both.getHeaders().getFirst("Authorization")).isEqualTo("Bearer header");
	}
}
