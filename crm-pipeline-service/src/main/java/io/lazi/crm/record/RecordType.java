package io.lazi.crm.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/**
 * The CRM records a task, an activity or a timeline can be about, with the wire name used in {@code relatedType}
 * ({@code lead}) and the path segment of their routes ({@code /api/crm/leads}).
 */
public enum RecordType {

	LEAD("lead", "leads"), ACCOUNT("account", "accounts"), CONTACT("contact", "contacts"),
	OPPORTUNITY("opportunity", "opportunities"), PROJECT("project", "projects"), CASE("case", "cases");

	private final String wire;

	private final String path;

	RecordType(String wire, String path) {
		this.wire = wire;
		this.path = path;
	}

	/** The value in JSON bodies and query parameters, e.g. {@code opportunity}. */
	public String wire() {
		return wire;
	}

	/** The collection's path segment under {@code /api/crm}, e.g. {@code opportunities}. */
	public String path() {
		return path;
	}

	/**
	 * The type whose {@link #wire()} is {@code value} (case-insensitive).
	 *
	 * @throws InvalidInputException naming {@code field} when the value is blank or no type's
	 */
	public static RecordType parse(@Nullable String value, String field) {

		var wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(t -> t.wire.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "must be one of " + wires()));
	}

	/**
	 * The type whose {@link #path()} is {@code segment}, e.g. {@code leads}.
	 *
	 * @throws InvalidInputException naming {@code type} when no type has that path
	 */
	public static RecordType fromPath(String segment) {
		return Arrays.stream(values())
			.filter(t -> t.path.equals(segment))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("type", "must be one of "
					+ Arrays.stream(values()).map(RecordType::path).collect(Collectors.joining(", "))));
	}

	private static String wires() {
		return Arrays.stream(values()).map(RecordType::wire).collect(Collectors.joining(", "));
	}
}
