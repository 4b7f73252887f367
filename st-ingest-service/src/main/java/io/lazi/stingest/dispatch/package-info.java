/**
 * Dispatch pulls (resource {@code dispatch}): technicians, teams, zones, job cancel and hold reasons, technician
 * shifts and appointment assignments, full and incremental, published on the {@code st.raw.*} topics through the
 * outbox, after every completed {@code crm} run, on their own crons and on demand. Runs, schedules, cursors and the
 * REST API come from {@link io.lazi.stingest.sync}.
 */
@NullMarked
package io.lazi.stingest.dispatch;

import org.jspecify.annotations.NullMarked;
