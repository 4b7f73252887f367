package io.lazi.crm.record;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.PreconditionFailedException;

/**
 * Optimistic locking of CRM records over HTTP: a record's {@code version} (1 when created, +1 per change) is its
 * strong ETag {@code "<version>"}; a change may carry {@code If-Match} with the ETag the client read, and a stale one
 * is refused with 412 so two users never overwrite each other silently. Without {@code If-Match} the change applies
 * to whatever is current (the caller chose not to guard it).
 */
public final class Versions {

	/** Header a change carries the ETag it read in. */
	public static final String IF_MATCH = "If-Match";

	private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,9})\"$");

	private Versions() {
	}

	/** The ETag of {@code version}: {@code "3"}. */
	public static String etag(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} header asks for: null when the header is absent, blank or {@code *}.
	 *
	 * @throws InvalidInputException naming {@code If-Match} when it is not one ETag of a version
	 */
	public static @Nullable Integer expected(@Nullable String ifMatch) {

		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		var matcher = ETAG.matcher(ifMatch.trim());
		if (!matcher.matches()) {
			throw new InvalidInputException(IF_MATCH, "must be one ETag as the record was read, e.g. \"3\"");
		}
		return Integer.valueOf(matcher.group(1));
	}

	/**
	 * Refuses a change whose {@code If-Match} asked for another version than the current one.
	 *
	 * @param what the record, for the message (e.g. {@code Lead 5f0c…})
	 * @param expected the version {@link #expected(String)} read, or null for none
	 * @param current the record's version now (read under the row's lock, or from an update that matched no row)
	 * @throws PreconditionFailedException when {@code expected} is given and differs from {@code current}
	 */
	public static void check(String what, @Nullable Integer expected, int current) {
		if (expected != null && expected != current) {
			throw new PreconditionFailedException(what, etag(current));
		}
	}
}
