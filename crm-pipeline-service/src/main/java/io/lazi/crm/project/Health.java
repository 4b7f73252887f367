package io.lazi.crm.project;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/**
 * How an install project is doing, computed when read: {@code critical} when a milestone is more than 7 days overdue
 * or two or more are overdue; {@code at_risk} when one is overdue or nothing happened on the project (activities,
 * tasks, milestone changes) for 14 days; else {@code healthy}. A milestone is overdue while pending or in progress
 * after its due date (UTC days). Completed and cancelled projects are {@code healthy}: nothing is due any more.
 */
public enum Health {

	HEALTHY, AT_RISK, CRITICAL;

	/** Days a milestone may be overdue before its project is critical. */
	public static final int CRITICAL_AFTER_DAYS = 7;

	/** Days without any activity, task or milestone change after which a project is at risk. */
	public static final int STALE_AFTER_DAYS = 14;

	/** The value in JSON bodies and query parameters, e.g. {@code at_risk}. */
	public String wire() {
		return WireValues.wire(this);
	}

	/**
	 * The constant whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field}, listing the allowed values, for anything else
	 */
	public static Health parse(@Nullable String value, String field) {
		return WireValues.parse(values(), Health::wire, value, field);
	}
}
