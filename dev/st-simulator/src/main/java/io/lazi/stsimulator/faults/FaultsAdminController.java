package io.lazi.stsimulator.faults;

import java.time.Instant;

import io.lazi.stsimulator.errors.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for fault knobs. No authentication: it is meant for the local stack and tests only.
 * <ul>
 * <li>{@code GET /admin/faults} → {@code {"latencyMs": 0, "errorRate": 0.0, "rateLimitStormUntil":
 * null, "tokenEndpointDown": false}}; {@code PUT /admin/faults} replaces them (a missing field means
 * no fault).</li>
 * <li>{@code POST /admin/faults/reset} → the cleared knobs; also clears the scripted write faults and
 * throttle plans of {@link ScriptedFaultsAdminController} and the lost-answer rules of
 * {@link LostAnswersAdminController} (its write counts stay, to be checked after the faults).</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/faults")
class FaultsAdminController {

	private final FaultKnobs knobs;

	private final ScriptedFaults scripted;

	private final LostAnswers lostAnswers;

	FaultsAdminController(FaultKnobs knobs, ScriptedFaults scripted, LostAnswers lostAnswers) {

		this.knobs = knobs;
		this.scripted = scripted;
		this.lostAnswers = lostAnswers;
	}

	@GetMapping
	FaultSettings faults() {
		return knobs.current();
	}

	@PutMapping
	FaultSettings replaceFaults(@RequestBody FaultsRequest request) {

		var settings = request.toSettings();
		knobs.replace(settings);
		return settings;
	}

	@PostMapping("/reset")
	FaultSettings resetFaults() {

		knobs.replace(FaultSettings.NONE);
		scripted.reset();
		lostAnswers.clearRules();
		return FaultSettings.NONE;
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
