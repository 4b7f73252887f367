package io.lazi.stsimulator.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list, before it is shaped for the wire.
 *
 * @param data the records of the page
 * @param hasMore whether further pages exist
 * @param totalCount the number of matching records, null unless requested
 */
public record Slice<T>(List<T> data, boolean hasMore, @Nullable Integer totalCount) {
}
