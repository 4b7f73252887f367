package io.lazi.platform.web;

import java.util.List;

/**
 * One page of a larger result, as every listing of the API answers it.
 *
 * @param items this page's items, in the listing's order
 * @param page 0-based page number
 * @param size requested page size
 * @param totalItems items across all pages
 * @param totalPages pages of {@code size} needed for {@code totalItems}
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	/** The page {@code request} asked for, holding {@code items}, out of {@code totalItems}. */
	public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
		return new Page<>(items, request.page(), request.size(), totalItems,
				(int) ((totalItems + request.size() - 1) / request.size()));
	}
}
