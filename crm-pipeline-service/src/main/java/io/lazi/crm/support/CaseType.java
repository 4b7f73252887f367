package io.lazi.crm.support;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** What a case is about; on the wire in lower case. */
public enum CaseType {

	WARRANTY, COMPLAINT, QUESTION;

	/** The value in JSON bodies and query parameters, e.g. {@code warranty}. */
	public String wire() {
		return WireValues.wire(this);
	}

	/**
	 * The constant whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field}, listing the allowed values, for anything else
	 */
	public static CaseType parse(@Nullable String value, String field) {
		return WireValues.parse(values(), CaseType::wire, value, field);
	}
}
