package io.lazi.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lazi.platform.test.TestTokens;
import io.lazi.platform.test.TestTokens.Signature;

/** The tokens the identity provider would issue, and the broken ones an attacker would try. */
final class Tokens {

	private Tokens() {
	}

	static String valid(String subject, List<String> tenants, List<String> roles) {
		return TestTokens.user(subject, tenants, roles).sign();
	}

	/** Every way a token can be wrong that must answer 401. */
	static List<String> invalid(String subject, List<String> tenants, List<String> roles) {

		return List.of(TestTokens.user(subject, tenants, roles)
			.issuedAt(Instant.now().minus(Duration.ofMinutes(20)))
			.lifetime(Duration.ofMinutes(10))
			.sign(), TestTokens.user(subject, tenants, roles).signature(Signature.FOREIGN_KEY).sign(),
				TestTokens.user(subject, tenants, roles).signature(Signature.NONE).sign(),
				TestTokens.user(subject, tenants, roles).signature(Signature.HS256).sign(),
				TestTokens.user(subject, tenants, roles).claim("iss", "http://evil.example").sign(),
				TestTokens.user(subject, tenants, roles).claim("aud", List.of("someone-else")).sign(),
				TestTokens.user(subject, tenants, roles).withoutExpiry().sign(),
				TestTokens.user(subject, tenants, roles).lifetime(Duration.ofHours(3)).sign(), "not-a-jwt");
	}

	static String expired(String subject, List<String> tenants, List<String> roles) {
		return TestTokens.user(subject, tenants, roles)
			.issuedAt(Instant.now().minus(Duration.ofMinutes(20)))
			.lifetime(Duration.ofMinutes(10))
			.sign();
	}
}
