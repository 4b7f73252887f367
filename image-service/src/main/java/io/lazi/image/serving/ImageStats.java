package io.lazi.image.serving;

/**
 * Image counts of one tenant.
 *
 * @param cachedInMemory node images of the tenant held in the memory cache
 * @param cachedBytes their bytes
 * @param storedInDatabase ServiceTitan images of the tenant in the {@code stored_image} table
 * @param storedBytes their bytes
 * @param nodesWithImage nodes whose current image path is known
 */
public record ImageStats(long cachedInMemory, long cachedBytes, long storedInDatabase, long storedBytes,
		long nodesWithImage) {
}
