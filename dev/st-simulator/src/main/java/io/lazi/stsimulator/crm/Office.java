package io.lazi.stsimulator.crm;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The records of a tenant beside its customers and jobs, each list in id order: leads and bookings taken in by
 * the office, the reasons a job can be canceled or put on hold, the status changes of jobs (their history, oldest
 * first) and the contacts of locations created with a customer.
 */
public record Office(List<Lead> leads, List<Booking> bookings, List<JobReason> cancelReasons,
		List<JobReason> holdReasons, List<JobHistoryEntry> jobHistory, List<LocationContact> locationContacts) {

	/** A tenant without any. */
	public static final Office EMPTY = new Office(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

	public Office {
		leads = sorted(leads);
		bookings = sorted(bookings);
		cancelReasons = sorted(cancelReasons);
		holdReasons = sorted(holdReasons);
		jobHistory = List.copyOf(jobHistory);
		locationContacts = sorted(locationContacts);
	}

	/** This office with one more job history entry. */
	public Office withHistory(JobHistoryEntry entry) {
		return new Office(leads, bookings, cancelReasons, holdReasons,
				Stream.concat(jobHistory.stream(), Stream.of(entry)).toList(), locationContacts);
	}

	/** This office with more location contacts. */
	public Office withLocationContacts(List<LocationContact> added) {
		return new Office(leads, bookings, cancelReasons, holdReasons, jobHistory,
				Stream.concat(locationContacts.stream(), added.stream()).toList());
	}

	/** The largest id of any record here, 0 without records. */
	long maxId() {
		return Stream.of(leads.stream().map(Lead::id), bookings.stream().map(Booking::id),
				cancelReasons.stream().map(JobReason::id), holdReasons.stream().map(JobReason::id),
				jobHistory.stream().map(JobHistoryEntry::id), locationContacts.stream().map(LocationContact::id))
			.flatMap(ids -> ids)
			.mapToLong(Long::longValue)
			.max()
			.orElse(0L);
	}

	private static <T extends CrmRecord> List<T> sorted(List<T> records) {
		return records.stream().sorted(Comparator.comparingLong(CrmRecord::id)).toList();
	}
}
