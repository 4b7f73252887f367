package io.lazi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lazi.localstack.LocalStack;

/**
 * The base of every end-to-end class: the shared running platform (started on first use), its
 * gateway, and user tokens (from the stack's identity provider) for the reference tenant or any other. A
 * failed test prints the services' last ERROR log lines ({@link ServiceErrorsOnFailure}).
 */
@ExtendWith(ServiceErrorsOnFailure.class)
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

	/** Runs a full pricebook sync of the reference tenant through the gateway, unless an earlier class did. */
	static void syncPricebookOnce(String admin) {

		if (gateway.get("/api/pricebook/categories/stats", admin, TENANT).json().path("subcategories").asInt() < 2_023) {
			var run = gateway.post("/api/sync/pricebook/full", admin, TENANT);
			assertThat(run.status()).as(run.body()).isIn(202, 409);
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> gateway
				.get("/api/pricebook/categories/stats", admin, TENANT).json().path("subcategories").asInt() == 2_023);
		}
	}
}
