package io.lazi.crm.project;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Where a milestone of a project stands; on the wire in lower case. {@code done} records when it was completed. */
public enum MilestoneStatus {

	PENDING, IN_PROGRESS, DONE, SKIPPED;

	/** The value in JSON bodies and query parameters, e.g. {@code pending}. */
	public String wire() {
		return WireValues.wire(this);
	}

	/**
	 * The constant whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field}, listing the allowed values, for anything else
	 */
	public static MilestoneStatus parse(@Nullable String value, String field) {
		return WireValues.parse(values(), MilestoneStatus::wire, value, field);
	}
}
