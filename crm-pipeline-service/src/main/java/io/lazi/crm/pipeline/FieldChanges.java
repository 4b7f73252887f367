package io.lazi.crm.pipeline;

import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.EstimateWrittenBack;
import io.lazi.platform.events.EventType;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.JobChanged;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.ReceivedEvent;

/**
 * Applies what field-service reports on {@code field.changed} that opportunities show, each event once
 * ({@link ConsumedMessages}) in a transaction of its own: where a won/lost write-back stands
 * ({@link Events#FIELD_ESTIMATE_WRITTEN_BACK}) and the technicians assigned to a job
 * ({@link Events#FIELD_JOB_ASSIGNED}). Reports arrive in any order across partitions and redeliveries, so the
 * newer one wins: the write-back's {@code at}, the assignment's {@code changedAt}. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FieldChanges {

	private static final Logger LOG = LoggerFactory.getLogger(FieldChanges.class);

	private static final Set<EventType<?>> READ = Set.of(Events.FIELD_ESTIMATE_WRITTEN_BACK, Events.FIELD_JOB_ASSIGNED);

	private static final Set<String> OUTCOMES = Set.of("won", "lost");

	private static final Set<String> STATUSES = Set.of("sent", "succeeded", "failed", "kept");

	private final ConsumedMessages consumed;

	private final WriteBackRepository writeBacks;

	/** Whether {@link #apply} takes events of {@code type}; the other {@code field.changed} types are skipped. */
	public static boolean reads(EventType<?> type) {
		return READ.contains(type);
	}

	/**
	 * Applies a write-back report or a job assignment; a re-delivered event changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (another type, tenant mismatch, missing
	 *         fields, an outcome or status the contract does not know); nothing is applied then
	 */
	@Transactional
	public void apply(ReceivedEvent<?> event) {

		if (!reads(event.type())) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " is not applied here");
		}
		if (event.payload() instanceof EstimateWrittenBack report
				&& (!OUTCOMES.contains(report.outcome()) || !STATUSES.contains(report.status()))) {
			throw new IllegalArgumentException("Event " + event.id() + " reports outcome " + report.outcome()
					+ " with status " + report.status() + ", not one of " + OUTCOMES + " with " + STATUSES);
		}
		if (!consumed.accept(event, FactIngest.CONSUMER)) {
			return;
		}
		var applied = switch (event.payload()) {
			case EstimateWrittenBack report -> writeBacks.report(report);
			case JobChanged job -> writeBacks.assign(job.tenantId(), job.jobId(), job.technicianIds(), job.changedAt());
			default -> throw new IllegalArgumentException("Event " + event.id() + " carries no field change");
		};
		if (!applied) {
			LOG.debug("Event {} ({}) is older than what is held, or about no current write-back; nothing changed",
					event.id(), event.type());
		}
	}
}
