/**
 * What the servlet services accept from a caller: safe text in every JSON string, parameter and path
 * variable ({@link io.lazi.platform.web.input.SafeText}), and JSON bodies within
 * {@code lazi.web.input.max-json-body}.
 */
@NullMarked
package io.lazi.platform.web.input;

import org.jspecify.annotations.NullMarked;
