package io.lazi.platform.web;

/**
 * A page to read: {@code page} 0-based, {@code size} items per page. Declare a controller method
 * parameter of this type to receive it from the {@value #PAGE} and {@value #SIZE} query parameters
 * (defaults 0 and {@value #DEFAULT_SIZE}); a value that is not a number or out of range answers 400
 * {@link Problems#VALIDATION} naming the parameter.
 *
 * @throws IllegalArgumentException when {@code page} is negative or {@code size} outside 1..{@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

	/** Largest page size the API serves. */
	public static final int MAX_SIZE = 500;

	/** Page size when the request names none. */
	public static final int DEFAULT_SIZE = 50;

	/** Query parameter of the 0-based page number. */
	public static final String PAGE = "page";

	/** Query parameter of the page size. */
	public static final String SIZE = "size";

	public PageRequest {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_SIZE);
		}
	}

	/** Items before this page. */
	public long offset() {
		return (long) page * size;
	}
}
