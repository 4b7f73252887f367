/**
 * Deterministic field-crew seed data, relative to the simulator's CRM seed instant: the reference tenant's crew.
 */
@NullMarked
package io.lazi.stsimulator.dispatch.seed;

import org.jspecify.annotations.NullMarked;
