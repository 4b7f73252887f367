package io.lazi.stsimulator.pricebook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.listing.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * A position in the export feed, which is ordered by ({@code modifiedOn}, {@code id}): the feed
 * continues with the records strictly after it. Encoded as an opaque {@code continueFrom} token.
 *
 * @param modifiedOn the {@code modifiedOn} of the last record delivered
 * @param id the id of the last record delivered
 */
public record ExportCursor(Instant modifiedOn, long id) {

	/** The start of the feed. */
	public static final ExportCursor BEGINNING = new ExportCursor(Instant.EPOCH, Long.MIN_VALUE);

	/** The feed order. */
	public static final Comparator<Category> FEED_ORDER = Comparator.comparing(Category::modifiedOn)
		.thenComparingLong(Category::id);

	private static final String PREFIX = "sim1.";

	/**
	 * @param instant a point in time
	 * @return a cursor whose feed starts with the records modified at or after that instant
	 */
	public static ExportCursor at(Instant instant) {
		return new ExportCursor(instant, Long.MIN_VALUE);
	}

	/**
	 * @param category a record of the feed
	 * @return a cursor just after that record
	 */
	public static ExportCursor after(Category category) {
		return after(category.modifiedOn(), category.id());
	}

	/**
	 * @param modifiedOn the {@code modifiedOn} of a record of the feed
	 * @param id the id of that record
	 * @return a cursor just after that record
	 */
	public static ExportCursor after(Instant modifiedOn, long id) {
		return new ExportCursor(modifiedOn, id);
	}

	/**
	 * Reads the optional {@code from} argument of an export call.
	 *
	 * @param from the argument, null or blank for the start of the feed
	 * @return the cursor
	 * @throws ApiException a 400 naming {@code from} when it is neither a token nor a date
	 */
	public static ExportCursor fromArgument(@Nullable String from) {
		return from == null || from.isBlank() ? BEGINNING
				: parse(from).orElseThrow(() -> ApiException.badRequest("from",
						"The value '%s' is neither a continuation token nor a date.".formatted(from)));
	}

	/**
	 * Reads a {@code from} argument: a token from a previous {@code continueFrom}, or a date or
	 * date-time string.
	 *
	 * @param from the argument
	 * @return the cursor, empty when the argument is neither
	 */
	public static Optional<ExportCursor> parse(String from) {

		if (from.startsWith(PREFIX)) {
			try {
				var parts = new String(Base64.getUrlDecoder().decode(from.substring(PREFIX.length())),
						StandardCharsets.UTF_8).split("\\|");
				return Optional.of(new ExportCursor(Instant.parse(parts[0]), Long.parseLong(parts[1])));
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		}
		return Timestamps.parse(from).map(ExportCursor::at);
	}

	/**
	 * @return the opaque {@code continueFrom} token
	 */
	public String token() {

		var raw = modifiedOn + "|" + id;
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param category a record
	 * @return whether the record comes after this cursor in the feed
	 */
	public boolean precedes(Category category) {
		return precedes(category.modifiedOn(), category.id());
	}

	/**
	 * @param recordModifiedOn the {@code modifiedOn} of a record
	 * @param recordId the id of that record
	 * @return whether the record comes after this cursor in the feed
	 */
	public boolean precedes(Instant recordModifiedOn, long recordId) {

		var byTime = recordModifiedOn.compareTo(modifiedOn);
		return byTime > 0 || (byTime == 0 && recordId > id);
	}
}
