package io.lazi.field.command;

import org.jspecify.annotations.Nullable;

/**
 * How a write was taken: applied here to a Lazi-owned record ({@code applied}, with the record after it), or sent
 * to ServiceTitan ({@code sent}, with the pending command; the record changes when ServiceTitan's answer arrives,
 * announced on {@code field.changed} and the WebSocket).
 *
 * @param <V> the record's view
 */
public record Written<V>(String outcome, @Nullable V record, @Nullable CommandView command) {

	public static <V> Written<V> applied(V record) {
		return new Written<>("applied", record, null);
	}

	public static <V> Written<V> sent(CommandView command) {
		return new Written<>("sent", null, command);
	}

	/** Whether it went to ServiceTitan: answered 202 Accepted. */
	public boolean sent() {
		return command != null;
	}
}
