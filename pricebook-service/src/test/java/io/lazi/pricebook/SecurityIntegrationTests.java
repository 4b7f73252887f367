package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.lazi.platform.test.TestTokens;

/** The service checks the caller itself: token, tenant and role, as the gateway does. */
@PricebookIntegrationTest
class SecurityIntegrationTests {

	private static final String TENANT = "3222348440";

	private final MockMvcTester mvc;

	@Autowired
	SecurityIntegrationTests(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	@Test
	void refusesARequestWithoutATokenWith401() {

		var result = mvc.get().uri("/api/pricebook/categories").header("X-Tenant-ID", TENANT).exchange();

		assertProblem(result, 401, "unauthorized");
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void refusesATenantTheTokenDoesNotGrantWith403() {
		assertProblem(get("/api/pricebook/categories", TestTokens.user("1000000002", "OWNER")), 403, "forbidden");
	}

	@Test
	void refusesAWriteOfAReadOnlyRoleWith403() {

		var viewer = TestTokens.user(TENANT, "VIEWER");
		assertThat(get("/api/pricebook/categories", viewer)).hasStatusOk();
		var push = mvc.post().uri("/api/pricebook/categories/push").header("X-Tenant-ID", TENANT)
			.header("Authorization", "Bearer " + viewer).exchange();
		assertProblem(push, 403, "forbidden");
	}

	@Test
	void refusesAnExpiredOrForeignAudienceTokenWith401() {

		var expired = TestTokens.user("u", java.util.List.of(TENANT), java.util.List.of("OWNER"))
			.issuedAt(java.time.Instant.now().minusSeconds(3600))
			.lifetime(java.time.Duration.ofMinutes(5))
			.sign();
		assertProblem(get("/api/pricebook/categories", expired), 401, "unauthorized");
		var foreign = TestTokens.user("u", java.util.List.of(TENANT), java.util.List.of("OWNER")).claim("aud", "image-service").sign();
		assertProblem(get("/api/pricebook/categories", foreign), 401, "unauthorized");
	}

	private MvcTestResult get(String uri, String token) {
		return mvc.get().uri(uri).header("X-Tenant-ID", TENANT).header("Authorization", "Bearer " + token).exchange();
	}

	private static void assertProblem(MvcTestResult result, int status, String type) {

		assertThat(result).hasStatus(status);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://lazi.io/problems/" + type);
	}
}
