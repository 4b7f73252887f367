/**
 * The field service: customers, jobs and dispatch from a per-tenant, per-domain provider.
 */
@NullMarked
package io.lazi.field;

import org.jspecify.annotations.NullMarked;
