/**
 * The pricebook SKUs of each simulated tenant (services, materials, equipment), held in memory, and
 * ServiceTitan's list, filter and export semantics over them.
 */
@NullMarked
package io.lazi.stsimulator.pricebook.sku;

import org.jspecify.annotations.NullMarked;
