package io.lazi.stsimulator.faults;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The fault knobs, as {@code GET/PUT /admin/faults} carry them.
 *
 * @param latencyMs added latency on every API call, in milliseconds (0..100000)
 * @param errorRate the fraction of API calls answering 503 (0.0..1.0)
 * @param rateLimitStormUntil every API call answers 429 until this instant; null for no storm
 * @param tokenEndpointDown whether the token endpoint answers 503
 */
public record FaultSettings(long latencyMs, double errorRate, @Nullable Instant rateLimitStormUntil,
		boolean tokenEndpointDown) {

	/** No faults. */
	public static final FaultSettings NONE = new FaultSettings(0, 0.0, null, false);

	/**
	 * @param now the current instant
	 * @return whether a 429 storm is on at that instant
	 */
	public boolean stormActiveAt(Instant now) {
		return rateLimitStormUntil != null && now.isBefore(rateLimitStormUntil);
	}
}
