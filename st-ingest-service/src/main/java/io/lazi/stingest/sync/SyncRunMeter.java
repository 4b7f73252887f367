package io.lazi.stingest.sync;

import java.time.Duration;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@code lazi.sync.runs} timer ({@code lazi_sync_runs_seconds_*}): each ended run's duration from its
 * start to its end, tagged {@code resource} (e.g. {@code pricebook.categories}, {@code pricebook.skus},
 * {@code crm}), {@code type} ({@code full}, {@code incremental}) and {@code outcome} ({@code completed},
 * {@code failed}; a run failed by a takeover counts as failed). A histogram from 100 ms to 1 h: a pull of a
 * large tenant takes minutes. Thread-safe.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SyncRunMeter {

	private final MeterRegistry meters;

	/** Records {@code run}, which has ended; a run without a duration (still running) is ignored. */
	void ended(SyncRun run) {

		var duration = run.durationMs();
		if (duration == null) {
			return;
		}
		Timer.builder("lazi.sync.runs")
			.description("Sync runs from start to end, by resource, type and outcome")
			.tag("resource", run.resource())
			.tag("type", run.syncType().name().toLowerCase(Locale.ROOT))
			.tag("outcome", run.status().name().toLowerCase(Locale.ROOT))
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(100))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(meters)
			.record(Duration.ofMillis(duration));
	}
}
