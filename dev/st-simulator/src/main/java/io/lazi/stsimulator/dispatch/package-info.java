/**
 * The field crew of each simulated tenant: technicians (ServiceTitan's settings API), dispatch teams, zones,
 * technician shifts and appointment assignments (the dispatch API), held in memory beside the CRM data it refers
 * to, and the assign/unassign writes.
 */
@NullMarked
package io.lazi.stsimulator.dispatch;

import org.jspecify.annotations.NullMarked;
