/**
 * Technicians, teams, zones and business units as the tenant's technicians provider serves them, and a technician's
 * availability: shifts minus time off minus the appointments assigned to them.
 */
@NullMarked
package io.lazi.field.technician;

import org.jspecify.annotations.NullMarked;
