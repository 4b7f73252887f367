package io.lazi.stingest.command;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.stingest.command.FieldResult.Records;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanException;
import io.lazi.stingest.servicetitan.ServiceTitanFieldWrites;
import io.lazi.stingest.servicetitan.ServiceTitanProperties;
import io.lazi.stingest.servicetitan.StReply;
import tools.jackson.core.JacksonException;

/**
 * Executes one field command against ServiceTitan (the call {@code FieldAction} documents) and says how it ended,
 * with what the write changed read back from ServiceTitan. A write is never sent twice blindly: when its answer is
 * lost (no answer, or a 5xx) or the command resumes after a crash, ServiceTitan is read first and the write is sent
 * again only when it shows no sign of it:
 *
 * <ul>
 * <li>create customer: a customer of that name created since the command first started (minus
 * {@code create-lookup-skew}); update customer, update job, reschedule: the record carries every written field;</li>
 * <li>cancel, hold, complete: the job's status is {@code Canceled}, {@code Hold}, {@code Completed};</li>
 * <li>assign, unassign: every technician has (has no) active assignment on the appointment;</li>
 * <li>confirm: the appointment's {@code isConfirmed}; sell, dismiss: the estimate's status {@code Sold},
 * {@code Dismissed}.</li>
 * </ul>
 * Sends are repeated up to {@code max-attempts}. ServiceTitan failures past the retries leave as
 * {@link ServiceTitanException}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FieldActions {

	private static final Logger LOG = LoggerFactory.getLogger(FieldActions.class);

	private final ServiceTitanFieldWrites writes;

	private final FieldReads reads;

	private final StAnswers answers;

	private final CommandProperties properties;

	private final ServiceTitanProperties serviceTitan;

	private final Clock clock = Clock.systemUTC();

	/**
	 * @param firstStarted when the command's first delivery started
	 * @param resumedFrom when an earlier delivery started it and its outcome was never recorded; else {@code null}
	 */
	FieldResult execute(FieldCommand command, Instant firstStarted, @Nullable Instant resumedFrom, CallCounts counts) {

		var plan = plan(command, firstStarted, counts);
		if (resumedFrom != null) {
			var found = plan.applied().since(resumedFrom);
			if (found.isPresent()) {
				LOG.info("Field command {} ({} {}) resumed: ServiceTitan shows the write applied; not sent again",
						command.commandId(), command.action(), command.stId());
				return readBack(plan, 200, found.get());
			}
		}
		for (var attempt = 1;; attempt++) {
			var started = clock.instant();
			StReply reply;
			try {
				reply = plan.send().get();
			}
			catch (ServiceTitanException ex) {
				if (!outcomeUnknown(ex)) {
					throw ex;
				}
				var found = plan.applied().since(started);
				if (found.isPresent()) {
					LOG.info("Field command {} ({} {}): ServiceTitan's answer was lost ({}), but it shows the write "
							+ "applied; not sent again", command.commandId(), command.action(), command.stId(), ex.getMessage());
					return readBack(plan, 200, found.get());
				}
				if (attempt >= serviceTitan.maxAttempts()) {
					throw ex;
				}
				LOG.info("Field command {} ({} {}): ServiceTitan's answer was lost ({}) and it shows no such write; "
						+ "sending it again", command.commandId(), command.action(), command.stId(), ex.getMessage());
				pause(attempt);
				continue;
			}
			if (!reply.succeeded()) {
				var error = answers.error(reply);
				return reply.status() == 404 ? FieldResult.notFound(404, error) : FieldResult.failed(reply.status(), error);
			}
			return readBack(plan, reply.status(), plan.written().applyAsLong(reply));
		}
	}

	/** What the action sends, how ServiceTitan shows it happened, and what is read back after it. */
	private Plan plan(FieldCommand command, Instant firstStarted, CallCounts counts) {

		var tenant = command.tenantId();
		var id = command.stId();
		var write = command.write();
		return switch (command.action()) {
			case CREATE_CUSTOMER -> {
				var body = FieldBodies.newCustomer(write);
				var name = Objects.requireNonNull(write.name(), "validated: a create carries a name");
				yield new Plan(() -> writes.createCustomer(tenant, body, counts),
						since -> reads.createdCustomer(tenant, name, since.minus(properties.createLookupSkew()), counts),
						reads::id, created -> Records.of(reads.customer(tenant, created, counts)));
			}
			case UPDATE_CUSTOMER -> {
				// The address is completed from the customer as it is (see FieldBodies.customerUpdate).
				var current = write.address() == null ? null : reads.current(writes.customer(tenant, id, counts)).orElse(null);
				var body = FieldBodies.customerUpdate(write, current);
				yield onRecord(id, () -> writes.updateCustomer(tenant, id, body, counts),
						() -> carries(writes.customer(tenant, id, counts), body),
						() -> Records.of(reads.customer(tenant, id, counts)));
			}
			case UPDATE_JOB -> {
				var body = FieldBodies.jobUpdate(write);
				yield onJob(tenant, id, counts, () -> writes.updateJob(tenant, id, body, counts),
						() -> carries(writes.job(tenant, id, counts), body));
			}
			case CANCEL_JOB -> jobMove(tenant, id, "cancel", FieldBodies.reason(write), "Canceled", counts);
			case HOLD_JOB -> jobMove(tenant, id, "hold", FieldBodies.reason(write), "Hold", counts);
			case COMPLETE_JOB -> jobMove(tenant, id, "complete", FieldBodies.completion(write, firstStarted), "Completed",
					counts);
			case ASSIGN_TECHNICIANS, UNASSIGN_TECHNICIANS -> {
				var assign = command.action() == FieldAction.ASSIGN_TECHNICIANS;
				var appointment = Objects.requireNonNull(write.appointmentId(), "validated: an assignment names its appointment");
				var technicians = List.copyOf(Objects.requireNonNull(write.technicianIds(), "validated: and its technicians"));
				yield onRecord(id, () -> writes.assignment(tenant, assign, appointment, technicians, counts),
						() -> assigned(reads.assignments(tenant, appointment, null, counts), technicians, assign),
						() -> Records.of(reads.job(tenant, id, counts), reads.assignments(tenant, null, id, counts)));
			}
			case RESCHEDULE_APPOINTMENT -> {
				var body = FieldBodies.reschedule(write);
				yield onAppointment(tenant, id, counts, () -> writes.rescheduleAppointment(tenant, id, body, counts),
						() -> carries(writes.appointment(tenant, id, counts), body));
			}
			case CONFIRM_APPOINTMENT -> onAppointment(tenant, id, counts, () -> writes.confirmAppointment(tenant, id, counts),
					() -> carries(writes.appointment(tenant, id, counts), Map.of("isConfirmed", true)));
			case SELL_ESTIMATE -> onEstimate(tenant, id, counts,
					() -> writes.sellEstimate(tenant, id, FieldBodies.soldBy(write), counts), "Sold");
			case DISMISS_ESTIMATE -> onEstimate(tenant, id, counts, () -> writes.dismissEstimate(tenant, id, counts),
					"Dismissed");
		};
	}

	private Plan jobMove(String tenant, long id, String transition, Map<String, Object> body, String status,
			CallCounts counts) {
		return onJob(tenant, id, counts, () -> writes.moveJob(tenant, id, transition, body, counts),
				() -> carries(writes.job(tenant, id, counts), Map.of("jobStatus", status)));
	}

	private Plan onJob(String tenant, long id, CallCounts counts, Supplier<StReply> send, BooleanSupplier applied) {
		return onRecord(id, send, applied, () -> Records.of(reads.job(tenant, id, counts)));
	}

	private Plan onAppointment(String tenant, long id, CallCounts counts, Supplier<StReply> send,
			BooleanSupplier applied) {
		return onRecord(id, send, applied, () -> Records.of(reads.appointment(tenant, id, counts)));
	}

	/** Sell or dismiss: applied when the estimate's status is {@code status} ({@code {value, name}}). */
	private Plan onEstimate(String tenant, long id, CallCounts counts, Supplier<StReply> send, String status) {
		return onRecord(id, send, () -> reads.current(writes.estimate(tenant, id, counts))
			.map(estimate -> status.equalsIgnoreCase(estimate.path("status").path("name").asString("")))
			.orElse(false), () -> Records.of(reads.estimate(tenant, id, counts)));
	}

	/** A plan writing the existing record {@code id}. */
	private static Plan onRecord(long id, Supplier<StReply> send, BooleanSupplier applied, Supplier<Records> readBack) {
		return new Plan(send, since -> applied.getAsBoolean() ? Optional.of(id) : Optional.empty(), reply -> id,
				written -> readBack.get());
	}

	/** Whether ServiceTitan answers the record (2xx) carrying every field of {@code body}. */
	private boolean carries(StReply current, Map<String, ?> body) {
		return reads.current(current).map(record -> FieldReads.carries(record, body)).orElse(false);
	}

	/** Whether every technician has an active assignment on the appointment ({@code assign}), or none has. */
	private static boolean assigned(List<StAppointmentAssignment> assignments, List<Long> technicians, boolean assign) {

		var active = new HashSet<Long>();
		assignments.stream().filter(StAppointmentAssignment::active).forEach(a -> active.add(a.technicianId()));
		return assign ? active.containsAll(technicians) : technicians.stream().noneMatch(active::contains);
	}

	/**
	 * The outcome of a write ServiceTitan took, with what it changed read back. A read-back that fails (the record
	 * gone, ServiceTitan failing past the retries, an unreadable answer) does not undo the write: the outcome stays
	 * SUCCEEDED, without records and with {@code error} saying why. A 429 past the retries leaves as it came, so the
	 * command is re-queued; its next delivery finds the write applied and reads back again.
	 */
	private static FieldResult readBack(Plan plan, int status, long written) {
		try {
			return FieldResult.succeeded(status, plan.readBack().read(written));
		}
		catch (ServiceTitanException ex) {
			if (ex.rateLimited()) {
				throw ex;
			}
			return FieldResult.succeededUnread(status, "Written, but reading it back failed: " + ex.getMessage());
		}
		catch (JacksonException ex) {
			return FieldResult.succeededUnread(status, "Written, but its read-back could not be read: " + ex.getMessage());
		}
	}

	/** No answer (I/O error, timeout) or a 5xx: ServiceTitan may have applied the write. */
	private static boolean outcomeUnknown(ServiceTitanException ex) {
		return ex.status() == 0 || ex.status() >= 500;
	}

	private void pause(int attempt) {

		var backOff = serviceTitan.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
		try {
			Thread.sleep(backOff.compareTo(serviceTitan.maxBackoff()) > 0 ? serviceTitan.maxBackoff() : backOff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to send a write again", ex);
		}
	}

	/**
	 * One action's calls.
	 *
	 * @param send the write
	 * @param applied given when an unclear send started, the id of the record ServiceTitan shows written, if it does
	 * @param written the id of the record a successful answer wrote (a create's new id)
	 * @param readBack what the write changed, given the record's id
	 */
	private record Plan(Supplier<StReply> send, Applied applied, ToLongFunction<StReply> written, ReadBack readBack) {
	}

	@FunctionalInterface
	private interface Applied {

		Optional<Long> since(Instant since);
	}

	@FunctionalInterface
	private interface ReadBack {

		Records read(long id);
	}
}
