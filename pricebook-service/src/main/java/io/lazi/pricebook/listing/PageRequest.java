package io.lazi.pricebook.listing;

/**
 * A page to read: {@code page} 0-based, {@code size} items per page.
 *
 * @throws IllegalArgumentException when {@code page} is negative or {@code size} outside 1..{@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

	/** Largest page size the API serves. */
	public static final int MAX_SIZE = 500;

	public PageRequest {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_SIZE);
		}
	}

	public long offset() {
		return (long) page * size;
	}
}
