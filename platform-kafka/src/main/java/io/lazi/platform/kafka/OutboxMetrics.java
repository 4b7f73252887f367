package io.lazi.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far the relay is behind, read from this service's {@code outbox_event} table at each scrape:
 * <ul>
 * <li>{@value #BACKLOG} (Prometheus {@code lazi_outbox_backlog_events}): rows not yet relayed;</li>
 * <li>{@value #OLDEST_AGE} (Prometheus {@code lazi_outbox_oldest_age_seconds}): seconds since the oldest
 * of them was appended, 0 when there is none.</li>
 * </ul>
 * A growing age means events are not reaching Kafka (broker down, relay failing), while the state
 * changes they announce keep committing. When the database does not answer, both read NaN.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class OutboxMetrics implements MeterBinder {

	static final String BACKLOG = "lazi.outbox.backlog";

	static final String OLDEST_AGE = "lazi.outbox.oldest.age";

	private final JdbcClient jdbc;

	private final Clock clock;

	@Override
	public void bindTo(MeterRegistry registry) {

		Gauge.builder(BACKLOG, this, OutboxMetrics::backlog)
			.baseUnit("events")
			.description("Outbox rows not yet relayed to Kafka")
			.register(registry);
		TimeGauge.builder(OLDEST_AGE, this, TimeUnit.SECONDS, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest outbox row not yet relayed to Kafka, 0 when there is none")
			.register(registry);
	}

	private double backlog() {
		return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
	}

	private double oldestAgeSeconds() {

		var oldest = jdbc.sql("select min(created_at) from outbox_event").query(OffsetDateTime.class).optional();
		return oldest.map(created -> Math.max(0, Duration.between(created.toInstant(), clock.instant()).toMillis() / 1000.0))
			.orElse(0.0);
	}
}
