/**
 * The console in a real browser against the real processes.
 */
@NullMarked
package io.lazi.consolee2e;

import org.jspecify.annotations.NullMarked;
