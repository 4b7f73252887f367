package io.lazi.crm.record;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The CRM's clock reading for a change. */
public final class Times {

	private Times() {
	}

	/**
	 * Now in UTC, to the microsecond, as PostgreSQL keeps it: what a change answers or announces equals what a later
	 * read shows.
	 */
	public static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}
}
