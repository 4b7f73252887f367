package io.lazi.platform.events;

import java.util.regex.Pattern;

/**
 * A ServiceTitan tenant id: 1–19 ASCII digits (ServiceTitan's tenant ids are 64-bit integers,
 * e.g. {@code 3222348440}). The one definition of the tenant rule: the gateway's tenant check, the
 * WebSocket handshake, the services' tenant context and the local tooling all use it.
 *
 * @param value the digits, as ServiceTitan and the {@code tenants} claim spell them
 * @throws IllegalArgumentException when {@code value} is null or not 1–19 digits
 */
public record TenantId(String value) {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

	public TenantId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("tenant id must be 1-19 digits");
		}
	}

	/** Whether {@code candidate} is a well-formed tenant id; null is not. */
	public static boolean isValid(String candidate) {
		return candidate != null && DIGITS.matcher(candidate).matches();
	}

	@Override
	public String toString() {
		return value;
	}
}
