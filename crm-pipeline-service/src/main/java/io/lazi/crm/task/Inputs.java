package io.lazi.crm.task;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.platform.web.InvalidInputException;

/** Checks of request fields shared by tasks and activities; each failure names the field (400). */
final class Inputs {

	/** Longest title, subject or other one-line text. */
	static final int NAME_LENGTH = 200;

	/** Longest description or body. */
	static final int BODY_LENGTH = 10_000;

	private Inputs() {
	}

	/**
	 * One of {@code allowed} (trimmed, lower-cased), or {@code absent} when the value is null or blank.
	 *
	 * @throws InvalidInputException naming {@code field} for another value, or for none when {@code absent} is null
	 */
	static String oneOf(@Nullable String value, String field, List<String> allowed, @Nullable String absent) {

		if (value == null || value.isBlank()) {
			if (absent == null) {
				throw new InvalidInputException(field, "is required: one of " + String.join(", ", allowed));
			}
			return absent;
		}
		var wanted = value.trim().toLowerCase(Locale.ROOT);
		if (!allowed.contains(wanted)) {
			throw new InvalidInputException(field, "must be one of " + String.join(", ", allowed));
		}
		return wanted;
	}

	/** {@code value} unless blank (then null). @throws InvalidInputException naming {@code field} when longer than {@code max} */
	static @Nullable String optional(@Nullable String value, String field, int max) {

		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return value;
	}

	/** {@code value} trimmed. @throws InvalidInputException naming {@code field} when blank or longer than {@code max} */
	static String required(@Nullable String value, String field, int max) {

		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		var trimmed = value.trim();
		if (trimmed.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return trimmed;
	}

	/**
	 * The record a task or activity is about: both of {@code relatedType} and {@code relatedId} or neither, and then a
	 * live record of the tenant.
	 *
	 * @return null when neither is given and {@code required} is false
	 * @throws InvalidInputException naming {@code relatedType} or {@code relatedId}
	 */
	static @Nullable Related related(RelatedRecords records, String tenantId, @Nullable String relatedType,
			@Nullable UUID relatedId, boolean required) {

		var typeGiven = relatedType != null && !relatedType.isBlank();
		if (!typeGiven && relatedId == null) {
			if (required) {
				throw new InvalidInputException("relatedType", "is required: one of lead, account, contact, "
						+ "opportunity, project, case");
			}
			return null;
		}
		if (!typeGiven) {
			throw new InvalidInputException("relatedType", "is required with relatedId");
		}
		var type = RecordType.parse(relatedType, "relatedType");
		if (relatedId == null) {
			throw new InvalidInputException("relatedId", "is required with relatedType");
		}
		records.require(tenantId, type, relatedId, "relatedId");
		return new Related(type, relatedId);
	}

	/** The record a task or activity relates to. */
	record Related(RecordType type, UUID id) {
	}
}
