package io.lazi.stsimulator.faults;

import java.time.Instant;
import java.util.Map;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for fault knobs and traffic statistics. No authentication: it is meant for the local
 * stack and tests only.
 */
@RestController
@RequestMapping("/admin")
class FaultsAdminController {

	private final FaultKnobs knobs;

	private final TrafficStats stats;

	FaultsAdminController(FaultKnobs knobs, TrafficStats stats) {

		this.knobs = knobs;
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
		return FaultSettings.NONE;
	}

	@GetMapping("/stats")
	Map<Long, TrafficStats.TenantTraffic> stats() {
		return stats.snapshot();
	}

	@PostMapping("/stats/reset")
	ResponseEntity<Void> resetStats() {

		stats.reset();
		return ResponseEntity.noContent().build();
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
