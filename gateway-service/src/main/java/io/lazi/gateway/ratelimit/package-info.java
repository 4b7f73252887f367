/** Per-tenant request rate limit on {@code /api/**}, in memory per gateway instance. */
@NullMarked
package io.lazi.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
