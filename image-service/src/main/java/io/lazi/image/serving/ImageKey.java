package io.lazi.image.serving;

/** Memory cache key: one node of one tenant. */
record ImageKey(String tenantId, long stId) {
}
