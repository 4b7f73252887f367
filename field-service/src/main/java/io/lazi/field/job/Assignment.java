package io.lazi.field.job;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of an assignment: technicians to assign to one appointment of the job.
 *
 * @param technicianIds 1..20 active technicians the technicians provider shows
 * @param appointmentId one of the job's appointments; defaults to its first active one by start
 */
public record Assignment(@Nullable List<Long> technicianIds, @Nullable Long appointmentId) {
}
