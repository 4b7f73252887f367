package io.lazi.crm.lead;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/**
 * A lead's editable fields, checked and trimmed (blank text is absent). {@code source} and {@code status} are null
 * where the input left them out.
 */
record LeadFields(String name, @Nullable String company, @Nullable String email, @Nullable String phone,
		@Nullable String street, @Nullable String city, @Nullable String state, @Nullable String zip,
		@Nullable LeadSource source, @Nullable LeadStatus status, @Nullable BigDecimal estimatedValue,
		@Nullable String ownerId, @Nullable Integer score) {

	static final int NAME_LENGTH = 200;

	private static final int EMAIL_LENGTH = 320;

	private static final int PHONE_LENGTH = 50;

	/** Largest value {@code numeric(14, 2)} holds, plus one cent. */
	private static final BigDecimal VALUE_LIMIT = new BigDecimal("1000000000000");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().\\-/]*[0-9][0-9 ().\\-/]*((x|ext\\.?)\\s*[0-9]+)?$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The checked fields of {@code input}.
	 *
	 * @throws InvalidInputException naming the first field that is missing, too long, malformed or out of range, or
	 *         {@code status} when it asks for {@code converted}
	 */
	static LeadFields of(LeadInput input) {

		var name = text(input.name(), "name", NAME_LENGTH);
		if (name == null) {
			throw new InvalidInputException("name", "is required");
		}
		var email = text(input.email(), "email", EMAIL_LENGTH);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new InvalidInputException("email", "must be an email address such as name@example.com");
		}
		var phone = text(input.phone(), "phone", PHONE_LENGTH);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw new InvalidInputException("phone", "must be a phone number: digits, spaces and + ( ) - . /");
		}
		var source = input.source() == null ? null
				: WireEnums.parse(LeadSource.class, LeadSource::wire, input.source(), "source");
		var status = input.status() == null ? null
				: WireEnums.parse(LeadStatus.class, LeadStatus::wire, input.status(), "status");
		if (status == LeadStatus.CONVERTED) {
			throw new InvalidInputException("status", "becomes converted only by converting the lead");
		}
		var value = input.estimatedValue();
		if (value != null && (value.signum() < 0 || value.compareTo(VALUE_LIMIT) >= 0)) {
			throw new InvalidInputException("estimatedValue", "must be between 0 and 999999999999.99");
		}
		if (value != null && value.stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException("estimatedValue", "must have at most two decimals");
		}
		var score = input.score();
		if (score != null && (score < 0 || score > 100)) {
			throw new InvalidInputException("score", "must be between 0 and 100");
		}
		return new LeadFields(name, text(input.company(), "company", NAME_LENGTH), email, phone,
				text(input.street(), "street", NAME_LENGTH), text(input.city(), "city", NAME_LENGTH),
				text(input.state(), "state", NAME_LENGTH), text(input.zip(), "zip", NAME_LENGTH), source, status, value,
				text(input.ownerId(), "ownerId", NAME_LENGTH), score);
	}

	/** {@code value} trimmed; null when blank. */
	static @Nullable String text(@Nullable String value, String field, int maxLength) {

		if (value == null || value.isBlank()) {
			return null;
		}
		var trimmed = value.trim();
		if (trimmed.length() > maxLength) {
			throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
		}
		return trimmed;
	}
}
