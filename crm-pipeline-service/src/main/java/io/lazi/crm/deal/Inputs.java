package io.lazi.crm.deal;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Checks of the values users send, each refusal a 400 naming the field. */
final class Inputs {

	/** Longest name or title. */
	static final int NAME = 200;

	/** Longest description or note. */
	static final int TEXT = 10_000;

	/** Money columns are {@code numeric(14, 2)}: below a trillion. */
	private static final BigDecimal MONEY_LIMIT = new BigDecimal("1000000000000");

	private Inputs() {
	}

	/** {@code value} trimmed; refused when blank or longer than {@code max}. */
	static String required(@Nullable String value, String field, int max) {

		var text = optional(value, field, max);
		if (text == null) {
			throw new InvalidInputException(field, "is required");
		}
		return text;
	}

	/** {@code value} trimmed, {@code null} when blank; refused when longer than {@code max}. */
	static @Nullable String optional(@Nullable String value, String field, int max) {

		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.trim();
		if (text.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return text;
	}

	/** An amount of money, when given: see {@link #money(BigDecimal, String)}. */
	static @Nullable BigDecimal optionalMoney(@Nullable BigDecimal value, String field) {
		return value == null ? null : money(value, field);
	}

	/** An amount of money: {@code >= 0}, at most 2 decimals, below a trillion; with 2 decimals. */
	static BigDecimal money(BigDecimal value, String field) {

		if (value.signum() < 0) {
			throw new InvalidInputException(field, "must be 0 or more");
		}
		if (value.stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException(field, "must have at most 2 decimals");
		}
		if (value.compareTo(MONEY_LIMIT) >= 0) {
			throw new InvalidInputException(field, "must be less than " + MONEY_LIMIT.toPlainString());
		}
		return value.setScale(2);
	}

	/** A percentage, 0..100. */
	static @Nullable Integer percent(@Nullable Integer value, String field) {

		if (value != null && (value < 0 || value > 100)) {
			throw new InvalidInputException(field, "must be between 0 and 100");
		}
		return value;
	}

	/** Below a trillion, as money columns hold it. */
	static boolean fitsMoney(BigDecimal value) {
		return value.abs().compareTo(MONEY_LIMIT) < 0;
	}
}
