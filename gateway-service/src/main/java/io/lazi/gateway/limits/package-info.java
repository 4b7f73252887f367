/** Limits on what a caller may send through the gateway. */
@NullMarked
package io.lazi.gateway.limits;

import org.jspecify.annotations.NullMarked;
