package io.lazi.stingest.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A resource that exists only in the tests, to show that a pull class is all a new resource needs: it
 * publishes nothing, reports two records and moves its cursor to {@link #NEWEST}.
 */
@Component
class WidgetPull implements ResourcePull {

	static final Instant NEWEST = Instant.parse("2026-03-01T10:00:00Z");

	@Override
	public SyncResource resource() {
		return new SyncResource("test.widgets", "test/widgets", "widget", "test.widgets", Duration.ofMinutes(1), null,
				null);
	}

	@Override
	public PullResult pull(PullRun run) {
		return PullResult.records(2, Map.of("test.widgets", NEWEST));
	}
}
