/**
 * ServiceTitan's ApiErrorResponse error bodies.
 */
@NullMarked
package io.lazi.stsimulator.errors;

import org.jspecify.annotations.NullMarked;
