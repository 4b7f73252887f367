/** The servlet services' security chain. */
@NullMarked
package io.lazi.platform.security.servlet;

import org.jspecify.annotations.NullMarked;
