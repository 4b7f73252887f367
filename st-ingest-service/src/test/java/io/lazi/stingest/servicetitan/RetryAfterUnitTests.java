package io.lazi.stingest.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryAfterUnitTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsDelaySeconds() {
		assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateRelativeToNow() {
		assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
	}

	@Test
	void treatsAPastHttpDateAsNoWait() {
		assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:59:00 GMT", clock)).contains(Duration.ZERO);
	}

	@Test
	void ignoresMissingOrUnreadableValues() {
		assertThat(RetryAfter.parse(null, clock)).isEmpty();
		assertThat(RetryAfter.parse("", clock)).isEmpty();
		assertThat(RetryAfter.parse("soon", clock)).isEmpty();
		assertThat(RetryAfter.parse("-5", clock)).isEmpty();
		assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
	}
}
