package io.lazi.pricebook.listing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** Converts between the {@code timestamptz} columns (UTC offsets) and instants; {@code null} stays null. */
public final class Timestamps {

	private Timestamps() {
	}

	public static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	public static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
