package io.lazi.stingest.pricebook;

import java.util.List;

/**
 * What a pull published.
 *
 * @param rootStIds every root published, in the order ServiceTitan listed them
 * @param cursor the cursor advanced over every node received
 */
record PullResult(int rootCount, int subcategoryCount, int imagesFetched, List<Long> rootStIds, SyncCursor cursor) {
}
