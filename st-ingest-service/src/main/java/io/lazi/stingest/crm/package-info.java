/**
 * CRM pulls (resource {@code crm}): business units, customers with their contacts, locations, jobs with
 * their history, appointments, estimates, leads and bookings, full and incremental, published on the
 * {@code st.raw.*} topics through the outbox. Runs, schedules, cursors and the REST API come from
 * {@link io.lazi.stingest.sync}.
 */
@NullMarked
package io.lazi.stingest.crm;

import org.jspecify.annotations.NullMarked;
