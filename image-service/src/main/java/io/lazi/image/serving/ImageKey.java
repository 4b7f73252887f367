package io.lazi.image.serving;

import io.lazi.platform.web.Tenant;

/** Memory cache key: one node of one tenant. */
record ImageKey(Tenant tenant, long stId) {
}
