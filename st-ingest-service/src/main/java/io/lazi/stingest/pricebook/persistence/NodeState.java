package io.lazi.stingest.pricebook.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Last seen state of one category node: its {@code modifiedOn} (microseconds, rounded down; null
 * forces a fresh by-id fetch next time) and the image path it was published with.
 */
public record NodeState(long stId, long rootStId, @Nullable Instant modifiedOn, @Nullable String image) {
}
