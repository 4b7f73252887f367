/**
 * The in-memory CRM, JPM, Sales and Settings data (business units, customers, contacts, jobs, appointments, estimates) of each simulated tenant.
 */
@NullMarked
package io.lazi.stsimulator.crm;

import org.jspecify.annotations.NullMarked;
