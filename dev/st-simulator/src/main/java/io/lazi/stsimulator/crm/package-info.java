/**
 * The in-memory CRM, JPM, Sales and Settings data (business units, customers, contacts, locations, jobs,
 * appointments, estimates, and the office records: leads, bookings, job cancel and hold reasons, job history) of
 * each simulated tenant, and ServiceTitan's writes to them ({@link io.lazi.stsimulator.crm.CrmWrites}).
 */
@NullMarked
package io.lazi.stsimulator.crm;

import org.jspecify.annotations.NullMarked;
