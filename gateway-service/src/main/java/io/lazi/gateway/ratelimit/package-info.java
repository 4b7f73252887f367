/**
 * Per-tenant request rate limit on {@code /api/**}, counted in memory per gateway replica: the configured
 * budget is the deployment's, and each replica enforces its share (budget / replicas).
 */
@NullMarked
package io.lazi.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
