/**
 * Jobs with their appointments, technician assignments and history, as the tenant's jobs provider serves them:
 * reads, status changes (cancel, hold, complete), assignment, rescheduling and confirmation, here or in ServiceTitan.
 */
@NullMarked
package io.lazi.field.job;

import org.jspecify.annotations.NullMarked;
