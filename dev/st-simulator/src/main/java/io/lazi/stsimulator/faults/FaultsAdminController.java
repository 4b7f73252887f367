package io.lazi.stsimulator.faults;

import java.time.Instant;
import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for fault knobs and traffic statistics. No authentication: it is meant for the local
 * stack and tests only.
 * <ul>
 * <li>{@code GET /admin/faults} → {@code {"latencyMs": 0, "errorRate": 0.0, "rateLimitStormUntil":
 * null, "tokenEndpointDown": false}}; {@code PUT /admin/faults} replaces them (a missing field means
 * no fault).</li>
 * <li>{@code POST /admin/faults/reset} → the cleared knobs; also clears the scripted write faults and
 * throttle plans of {@link ScriptedFaultsAdminController}.</li>
 * <li>{@code GET /admin/stats} → {@code {"<tenant>": {"apiCalls": 12, "callsByMethod": {"GET": 9,
 * "PATCH": 3}, "rateLimited": 2, "faultsInjected": 1, "tokenRequests": 1}}}, tenants with traffic
 * only; {@code rateLimited} counts every 429 (budget, storm or throttle plan).</li>
 * <li>{@code POST /admin/stats/reset} → 204, all counts zero.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin")
class FaultsAdminController {

	private final FaultKnobs knobs;

	private final ScriptedFaults scripted;

	private final TrafficStats stats;

	FaultsAdminController(FaultKnobs knobs, ScriptedFaults scripted, TrafficStats stats) {

		this.knobs = knobs;
		this.scripted = scripted;
		this.stats = stats;
	}

	@GetMapping("/faults")
	FaultSettings faults() {
		return knobs.current();
	}

	@PutMapping("/faults")
	FaultSettings replaceFaults(@RequestBody FaultsRequest request) {

		var settings = request.toSettings();
		knobs.replace(settings);
		return settings;
	}

	@PostMapping("/faults/reset")
	FaultSettings resetFaults() {

		knobs.replace(FaultSettings.NONE);
		scripted.reset();
		return FaultSettings.NONE;
	}

	@GetMapping("/stats")
	Map<Long, TrafficStats.TenantTraffic> stats() {
		return stats.snapshot();
	}

	@PostMapping("/stats/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetStats() {
		stats.reset();
	}

	/**
	 * The body of {@code PUT /admin/faults}; a missing field means "no fault" since PUT replaces.
	 */
	record FaultsRequest(@Nullable Long latencyMs, @Nullable Double errorRate, @Nullable Instant rateLimitStormUntil,
			@Nullable Boolean tokenEndpointDown) {

		FaultSettings toSettings() {

			var latency = latencyMs == null ? 0L : latencyMs;
			var rate = errorRate == null ? 0.0 : errorRate;
			if (latency < 0 || latency > 100_000) {
				throw ApiException.badRequest("latencyMs", "The latency must be between 0 and 100000 ms.");
			}
			if (rate < 0.0 || rate > 1.0 || Double.isNaN(rate)) {
				throw ApiException.badRequest("errorRate", "The error rate must be between 0.0 and 1.0.");
			}
			return new FaultSettings(latency, rate, rateLimitStormUntil, Boolean.TRUE.equals(tokenEndpointDown));
		}
	}
}
