package io.lazi.pricebook.category.internal;

/**
 * One row to write from a sync: {@code effective} is what users see (ServiceTitan's values except the
 * fields pending locally), {@code st} ServiceTitan's values as fetched.
 */
public record NodeWrite(CategoryNode effective, CategoryNode st) {
}
