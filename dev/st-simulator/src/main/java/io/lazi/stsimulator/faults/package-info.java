/**
 * Fault knobs and traffic statistics, driven over the admin API.
 */
@NullMarked
package io.lazi.stsimulator.faults;

import org.jspecify.annotations.NullMarked;
