/**
 * Servlet web defaults of the services behind the gateway: the caller's tenant and identity from
 * the gateway's trusted headers, and RFC 9457 {@code application/problem+json} errors whose
 * {@code type} is stable.
 */
@NullMarked
package io.lazi.platform.web;

import org.jspecify.annotations.NullMarked;
