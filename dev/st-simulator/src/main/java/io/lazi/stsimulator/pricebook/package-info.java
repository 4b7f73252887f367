/**
 * The in-memory pricebook category catalogue of each simulated tenant.
 */
@NullMarked
package io.lazi.stsimulator.pricebook;

import org.jspecify.annotations.NullMarked;
