package io.lazi.platform.web;

/**
 * Thrown for bad input that bean validation does not cover; answers 400 {@link Problems#VALIDATION}
 * naming the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
