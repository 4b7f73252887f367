package io.lazi.field.change;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.provider.Providers;
import io.lazi.field.record.Domain;
import io.lazi.field.record.Filter;
import io.lazi.field.record.Kind;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.Sort;
import io.lazi.field.record.Source;
import io.lazi.platform.events.CustomerChanged;
import io.lazi.platform.events.EstimateWrittenBack;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.JobChanged;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StJob;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * Appends {@code field.changed} events to the outbox, in the caller's transaction: a customer's change, a job's
 * change, status change or assignment change, each with the job's technicians as the tenant's jobs provider shows
 * them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Announcements {

	private final Outbox outbox;

	private final RecordStore records;

	private final Providers providers;

	/**
	 * Announces {@code customer} as it is now.
	 *
	 * @param change {@code created}, {@code updated} or {@code deleted}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void customer(String tenant, StCustomer customer, Source source, String change, Instant now) {

		outbox.append(OutgoingEvent.of(Events.FIELD_CUSTOMER_CHANGED, "customer/" + customer.id(),
				new CustomerChanged(tenant, customer.id(), source.wire(), change, customer.name(), customer.type(),
						customer.address(), customer.active(), customer.modifiedOn(), now)));
	}

	/**
	 * Announces {@code job} as it is now: as a status change when {@code before} had another status, else as an
	 * update; and as an assignment change when {@code assignmentsChanged}.
	 *
	 * @param before the job before the change, or null when it is new
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void job(String tenant, StJob job, @Nullable StJob before, Source source, boolean assignmentsChanged,
			Instant now) {

		var technicians = technicians(tenant, job.id());
		var statusChanged = before != null && !Objects.equals(before.jobStatus(), job.jobStatus());
		if (statusChanged) {
			append(Events.FIELD_JOB_STATUS_CHANGED, tenant, job, before.jobStatus(), source, technicians, now);
		}
		else if (before == null || !before.equals(job)) {
			append(Events.FIELD_JOB_UPDATED, tenant, job, null, source, technicians, now);
		}
		if (assignmentsChanged) {
			append(Events.FIELD_JOB_ASSIGNED, tenant, job, null, source, technicians, now);
		}
	}

	/**
	 * Announces where the write-back of an opportunity marked won or lost stands.
	 *
	 * @param status {@code sent}, {@code succeeded}, {@code failed} or {@code kept}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void writeBack(String tenant, UUID opportunityId, long estimateId, String outcome, String provider,
			String status, @Nullable UUID commandId, @Nullable String error, Instant now) {

		outbox.append(OutgoingEvent.of(Events.FIELD_ESTIMATE_WRITTEN_BACK, "opportunity/" + opportunityId,
				new EstimateWrittenBack(tenant, opportunityId, estimateId, outcome, provider, status, commandId, error, now)));
	}

	/** The technicians actively assigned to the job's appointments, ascending, as the jobs provider shows them. */
	public List<Long> technicians(String tenant, long jobId) {

		return records
			.all(tenant, Kind.ASSIGNMENT, providers.of(tenant, Domain.JOBS), StAppointmentAssignment.class,
					Filter.all().job(jobId).active(), Sort.ID)
			.stream()
			.map(stored -> stored.record().technicianId())
			.distinct()
			.sorted()
			.toList();
	}

	private void append(EventType<JobChanged> type, String tenant, StJob job, @Nullable String previousStatus,
			Source source, List<Long> technicians, Instant now) {

		outbox.append(OutgoingEvent.of(type, "job/" + job.id(),
				new JobChanged(tenant, job.id(), source.wire(), job.customerId(), job.locationId(), job.jobStatus(),
						previousStatus, technicians, job.businessUnitId(), job.summary(), job.modifiedOn(), now)));
	}
}
