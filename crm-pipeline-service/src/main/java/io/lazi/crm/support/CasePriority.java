package io.lazi.crm.support;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** How urgent a case is, which sets its SLA: the time from opening by which it should be resolved. */
public enum CasePriority {

	LOW(168), MEDIUM(72), HIGH(24), URGENT(4);

	private final int slaHours;

	CasePriority(int slaHours) {
		this.slaHours = slaHours;
	}

	/** Hours from opening to the SLA due time: urgent 4, high 24, medium 72, low 168. */
	public int slaHours() {
		return slaHours;
	}

	/** {@link #slaHours()} as a duration. */
	public Duration sla() {
		return Duration.ofHours(slaHours);
	}

	/** The value in JSON bodies and query parameters, e.g. {@code urgent}. */
	public String wire() {
		return WireValues.wire(this);
	}

	/**
	 * The constant whose {@link #wire()} is {@code value}.
	 *
	 * @throws InvalidInputException naming {@code field}, listing the allowed values, for anything else
	 */
	public static CasePriority parse(@Nullable String value, String field) {
		return WireValues.parse(values(), CasePriority::wire, value, field);
	}
}
