package io.lazi.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a request is well formed but the record's state refuses it (a lead converted twice, a derived
 * opportunity deleted). Answers 409 {@link Problems#CONFLICT}, naming the {@code field} when one is to blame.
 */
public class ConflictException extends RuntimeException {

	private final @Nullable String field;

	public ConflictException(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	/** The request field the refusal is about, or null. */
	public @Nullable String field() {
		return field;
	}
}
