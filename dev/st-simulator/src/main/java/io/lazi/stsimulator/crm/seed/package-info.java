/**
 * Deterministic CRM seed data, relative to the simulator's start instant: the reference tenant and the scenario tenant.
 */
@NullMarked
package io.lazi.stsimulator.crm.seed;

import org.jspecify.annotations.NullMarked;
