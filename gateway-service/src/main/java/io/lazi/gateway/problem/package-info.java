/** RFC 9457 {@code application/problem+json} answers of the gateway, with stable {@code type} URIs. */
@NullMarked
package io.lazi.gateway.problem;

import org.jspecify.annotations.NullMarked;
