/**
 * Deterministic seed data: the reference tenant and the isolation tenant.
 */
@NullMarked
package io.lazi.stsimulator.pricebook.seed;

import org.jspecify.annotations.NullMarked;
