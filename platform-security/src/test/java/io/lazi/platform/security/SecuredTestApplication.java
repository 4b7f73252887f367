package io.lazi.platform.security;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.lazi.platform.observability.TenantLogContext;

/** A servlet service with a user route, a write route and an internal route. */
@SpringBootApplication
class SecuredTestApplication {

	@RestController
	static class TestController {

		@GetMapping("/api/pricebook/things")
		Map<String, String> things(@RequestHeader("X-Tenant-ID") String tenant, @AuthenticationPrincipal Jwt jwt) {
			// What the request's log lines carry as their tenant.
			return Map.of("tenant", tenant, "user", jwt.getSubject(), "loggedTenant",
					String.valueOf(MDC.get(TenantLogContext.KEY)));
		}

		@PostMapping("/api/pricebook/things")
		Map<String, String> write(@RequestHeader("X-Tenant-ID") String tenant) {
			return Map.of("tenant", tenant);
		}

		@GetMapping("/internal/uploads/{id}")
		Map<String, String> upload(@PathVariable String id, @RequestHeader("X-Tenant-ID") String tenant) {
			return Map.of("id", id, "tenant", tenant);
		}

		@GetMapping("/unlisted")
		Map<String, String> unlisted() {
			return Map.of("ok", "yes");
		}
	}
}
