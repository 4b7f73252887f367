package io.lazi.crm.project;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Where an install project stands; on the wire in lower case. */
public enum ProjectStatus {

	ACTIVE, ON_HOLD, COMPLETED, CANCELLED;

	/** The value in JSON bodies and query parameters, e.g. {@code active}. */
	public String wire() {
		return WireValues.wire(this);
	}

	/**
	 * The constant whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field}, listing the allowed values, for anything else
	 */
	public static ProjectStatus parse(@Nullable String value, String field) {
		return WireValues.parse(values(), ProjectStatus::wire, value, field);
	}
}
