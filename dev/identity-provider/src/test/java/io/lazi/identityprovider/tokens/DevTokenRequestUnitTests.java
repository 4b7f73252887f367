package io.lazi.identityprovider.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class DevTokenRequestUnitTests {

	private static final Duration MAX = Duration.ofHours(1);

	@Test
	void readsTheClaimsAndDefaultsTheLifetimeToTheMaximum() {

		var request = DevTokenRequest.from(Map.of("sub", "ada", "tenants", "3222348440, 1000000002,3222348440", "roles",
				"ADMIN,VIEWER"), MAX);

		assertThat(request).isEqualTo(new DevTokenRequest("ada", List.of("3222348440", "1000000002"),
				List.of("ADMIN", "VIEWER"), MAX));
	}

	@Test
	void takesAShorterLifetime() {
		assertThat(DevTokenRequest.from(valid("ttl", "5"), MAX).lifetime()).isEqualTo(Duration.ofSeconds(5));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ttl|3601", "ttl|0", "ttl|-5", "ttl|1h", "roles|ROOT", "roles|admin",
			"roles|ADMIN,,VIEWER", "tenants|abc", "tenants|12345678901234567890", "tenants|''", "sub|''", "sub|'a\u0000b'" })
	void refusesAWrongParameter(String name, String value) {

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> DevTokenRequest.from(valid(name, value), MAX))
			.satisfies(ex -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
				assertThat(ex.getError().getDescription()).contains("'" + name + "'");
			});
	}

	@Test
	void refusesAMissingOrRepeatedParameter() {

		for (var name : List.of("sub", "tenants", "roles")) {
			var parameters = valid("ttl", "60");
			parameters.remove(name);
			assertThatExceptionOfType(OAuth2AuthenticationException.class)
				.isThrownBy(() -> DevTokenRequest.from(parameters, MAX))
				.withMessageContaining("'" + name + "'");
		}
		var repeated = new HashMap<String, Object>(valid("ttl", "60"));
		repeated.put("sub", new String[] { "a", "b" });
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> DevTokenRequest.from(repeated, MAX))
			.withMessageContaining("once");
	}

	private static Map<String, Object> valid(String name, String value) {

		var parameters = new HashMap<String, Object>(Map.of("sub", "ada", "tenants", "3222348440", "roles", "ADMIN"));
		parameters.put(name, value);
		return parameters;
	}
}
