package io.lazi.field.job;

import java.util.List;

import io.lazi.platform.events.StJobHistory;

/**
 * A job with its appointments (by start), its assignments (active and not) and its history (oldest first), as
 * {@code GET /api/v2/jobs/{id}} answers.
 */
public record JobDetail(JobView job, List<AppointmentView> appointments, List<AssignmentView> assignments,
		List<StJobHistory.Entry> history) {
}
