/** End-to-end tests across the real processes of the platform. */
@NullMarked
package io.lazi.e2e;

import org.jspecify.annotations.NullMarked;
