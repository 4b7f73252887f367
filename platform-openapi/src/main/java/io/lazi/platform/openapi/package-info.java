/**
 * The parts of every service's OpenAPI 3.1 document that the platform decides, added by springdoc customizers:
 * the gateway as the server, the bearer scheme, the required {@code X-Tenant-ID} header, the RFC 9457 problem
 * responses and the paging parameters. A service contributes its operations (with summaries) and its document's
 * path; see {@link io.lazi.platform.openapi.LaziOpenApiAutoConfiguration}.
 */
@NullMarked
package io.lazi.platform.openapi;

import org.jspecify.annotations.NullMarked;
