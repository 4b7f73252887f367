/**
 * Servlet web defaults of the services behind the gateway: the caller's {@link io.lazi.platform.web.Tenant}
 * from {@code X-Tenant-ID} (which platform-security has checked against the caller's token), {@link io.lazi.platform.web.PageRequest} and
 * {@link io.lazi.platform.web.Page} for listings, RFC 9457 {@code application/problem+json} errors
 * whose {@code type} is stable, and {@link io.lazi.platform.web.InternalClient} for calls to another
 * service's internal API on a tenant's behalf.
 */
@NullMarked
package io.lazi.platform.web;

import org.jspecify.annotations.NullMarked;
