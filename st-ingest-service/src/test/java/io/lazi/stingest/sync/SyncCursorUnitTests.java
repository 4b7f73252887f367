package io.lazi.stingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SyncCursorUnitTests {

	private static final Duration OVERLAP = Duration.ofMinutes(2);

	@Test
	void asksForEverythingBeforeTheFirstSync() {
		assertThat(SyncCursor.empty().modifiedOnOrAfter(OVERLAP)).isEmpty();
	}

	@Test
	void startsTheNextPullOverlapBeforeTheNewestRecordSeen() {

		var cursor = SyncCursor.empty().advancedTo(Instant.parse("2025-11-18T09:41:02.127Z"));

		assertThat(cursor.modifiedOnOrAfter(OVERLAP)).contains(Instant.parse("2025-11-18T09:39:02.127Z"));
	}

	@Test
	void keepsRecordsSharingTheNewestTimestampInsideTheNextPull() {

		var tie = Instant.parse("2025-11-18T09:41:02.127Z");
		var cursor = SyncCursor.empty().advancedTo(tie).advancedTo(tie);

		assertThat(cursor.newestModifiedOn()).isEqualTo(tie);
		// the filter is inclusive: a record committed later with the same timestamp is still selected
		assertThat(cursor.modifiedOnOrAfter(Duration.ZERO)).hasValueSatisfying(from -> assertThat(tie).isAfterOrEqualTo(from));
	}

	@Test
	void staysWhereItWasWhenAPollReturnsNothing() {

		var cursor = new SyncCursor(Instant.parse("2025-11-18T09:41:02.127Z"));

		assertThat(cursor.advancedTo(null)).isEqualTo(cursor);
	}

	@Test
	void neverMovesBackwardForOlderRecordsFromTheOverlap() {

		var cursor = new SyncCursor(Instant.parse("2025-11-18T09:41:02.127Z"));

		assertThat(cursor.advancedTo(Instant.parse("2025-11-18T09:40:00Z"))).isEqualTo(cursor);
	}

	@Test
	void followsServiceTitanTimestampsNotTheLocalClock() {

		// ServiceTitan's clock runs an hour behind ours: the cursor must not jump to our "now"
		var serverTime = Instant.now().minus(Duration.ofHours(1));
		var cursor = SyncCursor.empty().advancedTo(serverTime);

		assertThat(cursor.modifiedOnOrAfter(OVERLAP)).hasValueSatisfying(
				from -> assertThat(from).isBeforeOrEqualTo(serverTime).isAfter(serverTime.minus(OVERLAP).minusMillis(1)));
	}

	@Test
	void roundsDownToMicrosecondsSoAStoredCursorNeverSkipsARecord() {

		// ServiceTitan sends up to 7 fractional digits; PostgreSQL keeps 6
		var modifiedOn = Instant.parse("2025-11-18T09:41:02.1234567Z");
		var cursor = SyncCursor.empty().advancedTo(modifiedOn);

		assertThat(cursor.newestModifiedOn()).isEqualTo(Instant.parse("2025-11-18T09:41:02.123456Z"));
		assertThat(cursor.modifiedOnOrAfter(Duration.ZERO)).hasValueSatisfying(from -> assertThat(modifiedOn).isAfterOrEqualTo(from));
	}
}
