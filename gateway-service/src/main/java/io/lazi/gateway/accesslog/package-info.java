/**
 * One access-log line per request the gateway answers, in the request's trace and tenant: what an SRE
 * searches first when following a trace id.
 */
@NullMarked
package io.lazi.gateway.accesslog;

import org.jspecify.annotations.NullMarked;
