package io.lazi.stsimulator.faults;

import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for traffic statistics. No authentication: it is meant for the local stack and tests
 * only.
 * <ul>
 * <li>{@code GET /admin/stats} → {@code {"<tenant>": {"apiCalls": 12, "callsByMethod": {"GET": 9,
 * "PATCH": 3}, "rateLimited": 2, "faultsInjected": 1, "tokenRequests": 1}}}, tenants with traffic
 * only; {@code rateLimited} counts every 429 (budget, storm or throttle plan).</li>
 * <li>{@code POST /admin/stats/reset} → 204, all counts zero.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/stats")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TrafficStatsAdminController {

	private final TrafficStats stats;

	@GetMapping
	Map<Long, TrafficStats.TenantTraffic> stats() {
		return stats.snapshot();
	}

	@PostMapping("/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {
		stats.reset();
	}
}
