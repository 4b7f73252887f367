/**
 * The API-management layer in front of every ServiceTitan API path: app key, bearer token, tenant binding, rate limit and injected faults.
 */
@NullMarked
package io.lazi.stsimulator.gateway;

import org.jspecify.annotations.NullMarked;
