package io.lazi.crm.account;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Checks of what users send: trimmed text within its length, required values, enum wire values. */
final class Inputs {

	/** Longest name, role, industry, region, address part or id. */
	static final int NAME = 200;

	/** Longest email address (RFC 5321's path limit). */
	static final int EMAIL = 254;

	/** Longest phone number as typed. */
	static final int PHONE = 40;

	private Inputs() {
	}

	/**
	 * {@code value} trimmed, null when absent or blank.
	 *
	 * @throws InvalidInputException naming {@code field} when longer than {@code max} characters
	 */
	static @Nullable String optional(@Nullable String value, String field, int max) {

		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return text;
	}

	/**
	 * {@code value} trimmed.
	 *
	 * @throws InvalidInputException naming {@code field} when absent, blank or longer than {@code max}
	 */
	static String required(@Nullable String value, String field, int max) {

		var text = optional(value, field, max);
		if (text == null) {
			throw new InvalidInputException(field, "is required");
		}
		return text;
	}

	/**
	 * An email address, trimmed; null when absent.
	 *
	 * @throws InvalidInputException naming {@code field} when it is not one address
	 */
	static @Nullable String email(@Nullable String value, String field) {

		var text = optional(value, field, EMAIL);
		if (text != null && !text.matches("[^@\\s]+@[^@\\s]+")) {
			throw new InvalidInputException(field, "must be an email address, e.g. jane@example.com");
		}
		return text;
	}

	/**
	 * A phone number as typed, trimmed; null when absent.
	 *
	 * @throws InvalidInputException naming {@code field} when it holds no digit or other characters than a phone's
	 */
	static @Nullable String phone(@Nullable String value, String field) {

		var text = optional(value, field, PHONE);
		if (text != null && (!text.matches("[\\d\\s()+.\\-x#*/]+") || !text.matches(".*\\d.*"))) {
			throw new InvalidInputException(field, "must be a phone number, e.g. (813) 555-0100");
		}
		return text;
	}

	/**
	 * The one of {@code allowed} that {@code value} names (case-insensitive), {@code fallback} when absent.
	 *
	 * @throws InvalidInputException naming {@code field} and listing the allowed values
	 */
	static String oneOf(@Nullable String value, String field, String fallback, String... allowed) {

		if (value == null || value.isBlank()) {
			return fallback;
		}
		var wanted = value.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(allowed)
			.filter(wanted::equals)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "must be one of " + String.join(", ", allowed)));
	}
}
