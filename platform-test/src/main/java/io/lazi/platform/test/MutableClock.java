package io.lazi.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that tests move by hand; safe to read from other threads. */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/** A clock standing at {@code now}. */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/** A clock standing at 2026-01-01T00:00:00Z. */
	public MutableClock() {
		this(Instant.parse("2026-01-01T00:00:00Z"));
	}

	/** Moves the clock forward by {@code duration}. */
	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}
}
