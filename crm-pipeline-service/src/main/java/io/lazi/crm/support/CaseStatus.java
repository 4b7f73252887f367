package io.lazi.crm.support;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** Where a case stands; on the wire in lower case. Resolved and closed cases are done: their SLA can no longer be breached. */
public enum CaseStatus {

	NEW, OPEN, PENDING, RESOLVED, CLOSED;

	/** Resolved or closed: {@code resolvedAt} is set, the SLA no longer applies. */
	public boolean done() {
		return this == RESOLVED || this == CLOSED;
	}

	/** The value in JSON bodies and query parameters, e.g. {@code pending}. */
	public String wire() {
		return WireValues.wire(this);
	}

	/**
	 * The constant whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field}, listing the allowed values, for anything else
	 */
	public static CaseStatus parse(@Nullable String value, String field) {
		return WireValues.parse(values(), CaseStatus::wire, value, field);
	}
}
