package io.lazi.e2e;

import org.junit.jupiter.api.BeforeAll;

import io.lazi.localstack.LocalStack;

/**
 * The base of every end-to-end class: the shared running platform (started on first use), its
 * gateway, and user tokens (from the stack's identity provider) for the reference tenant or any other.
 */
abstract class EndToEndTest {

	static final String TENANT = LocalStack.REFERENCE_TENANT;

	static E2ePlatform platform;

	static Gateway gateway;

	@BeforeAll
	static void startPlatform() throws Exception {

		platform = E2ePlatform.get();
		gateway = platform.gateway();
	}

	/** A one-hour user token of {@code role} for {@code tenant}. */
	static String token(String tenant, String role) {
		return platform.token(tenant, role);
	}
}
