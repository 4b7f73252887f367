package io.lazi.stingest.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.kafka.RetryLaterException;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.servicetitan.ServiceTitanException;
import tools.jackson.core.JacksonException;

/**
 * Executes field commands ({@code FieldCommand} on {@code st.commands}, from field-service) against ServiceTitan,
 * each command id at most once to an outcome, with the guarantees of the category commands ({@link Commands}): the
 * ledger row ({@code st_command}, kind {@code FIELD}) is written STARTED before the first ServiceTitan call; the
 * outcome and its {@code FieldCommandCompleted} ({@code sync.events}, key tenant id, subject command id) commit
 * together. A redelivered completed command re-announces the recorded outcome without calling ServiceTitan; a
 * redelivered started one (a crash before its outcome was recorded) reads ServiceTitan first and writes only what
 * did not happen ({@link FieldActions}).
 *
 * <p>Outcomes: 2xx SUCCEEDED, with the records read back after the write; 404 NOT_FOUND; any other 4xx FAILED with
 * {@code stStatus} and ServiceTitan's error title and field messages; 5xx or I/O failures past the retry budget FAILED
 * with the last status; a 429 past the retry budget is no outcome: the command is re-queued
 * ({@link RetryLaterException}, after {@code Retry-After}) as often as ServiceTitan answers 429; an answer that
 * cannot be read FAILED; a tenant without credentials FAILED without a call. Database failures propagate, so Kafka
 * redelivers the command. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FieldCommands {

	private static final Logger LOG = LoggerFactory.getLogger(FieldCommands.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	/** Wait before a rate-limited command's next delivery when ServiceTitan named none. */
	private static final Duration RATE_LIMITED_WAIT = Duration.ofSeconds(5);

	private final CommandLedger ledger;

	private final FieldActions actions;

	private final ServiceTitanClient client;

	private final Clock clock = Clock.systemUTC();

	/**
	 * Executes one delivered field command.
	 *
	 * @throws IllegalArgumentException when the command is malformed ({@link #validate}): a poison record
	 */
	public void execute(FieldCommand command) {

		validate(command);
		var started = clock.instant();
		switch (ledger.begin(command, started)) {
			case CommandLedger.Delivery.AlreadyCompleted<FieldCommandCompleted> done -> LOG.info(
					"Field command {} ({} {} of tenant {}) delivered again (delivery {}); re-announced its {} outcome",
					command.commandId(), command.action(), command.stId(), command.tenantId(), done.attempts(),
					done.recorded().outcome());
			case CommandLedger.Delivery.Resumed<FieldCommandCompleted> resumed -> {
				LOG.warn("Field command {} ({} {} of tenant {}) started at {} without a recorded outcome; reading "
						+ "ServiceTitan before writing again (delivery {})", command.commandId(), command.action(),
						command.stId(), command.tenantId(), resumed.startedAt(), resumed.attempts());
				run(command, started, resumed.startedAt(), resumed.startedAt());
			}
			case CommandLedger.Delivery.First<FieldCommandCompleted> first -> run(command, started, first.startedAt(), null);
		}
	}

	private void run(FieldCommand command, Instant started, Instant firstStarted, @Nullable Instant resumedFrom) {

		var counts = new CallCounts();
		FieldResult result;
		if (!client.serves(command.tenantId())) {
			result = FieldResult.failed(null, "tenant not configured: st-ingest has no ServiceTitan credentials for tenant "
					+ command.tenantId());
		}
		else {
			try {
				result = actions.execute(command, firstStarted, resumedFrom, counts);
			}
			catch (ServiceTitanException ex) {
				if (ex.rateLimited()) {
					// ServiceTitan did nothing: the command is delivered again later, never failed for it.
					LOG.info("Field command {} ({} {} of tenant {}) rate limited after {} ServiceTitan calls; re-queued",
							command.commandId(), command.action(), command.stId(), command.tenantId(), counts.calls());
					throw new RetryLaterException("ServiceTitan rate limited field command " + command.commandId(),
							ex.waitAsked().orElse(RATE_LIMITED_WAIT));
				}
				result = FieldResult.failed(ex.status() == 0 ? null : ex.status(), shorten(ex.getMessage()));
			}
			catch (JacksonException | IllegalStateException ex) {
				// ServiceTitan answered, but not with the documented shape
				LOG.warn("Field command {}: unreadable ServiceTitan answer", command.commandId(), ex);
				result = FieldResult.failed(null, shorten("ServiceTitan's answer could not be read: " + ex.getMessage()));
			}
		}
		var now = clock.instant();
		var records = result.records();
		var completed = new FieldCommandCompleted(command.commandId(), command.tenantId(), command.action(),
				command.stId(), command.reference(), result.outcome(), result.stStatus(),
				result.error() == null ? null : shorten(result.error()), records.customer(), records.job(),
				records.appointment(), records.assignments(), records.estimate(), counts.calls(), counts.rateLimitedCount(),
				Duration.between(started, now).toMillis(), now);
		ledger.complete(completed);
		LOG.info("Field command {} ({} {} of tenant {}): {}{} after {} ServiceTitan calls ({} rate limited)",
				command.commandId(), command.action(), command.stId(), command.tenantId(), result.outcome(),
				result.error() == null ? "" : " (" + result.error() + ")", counts.calls(), counts.rateLimitedCount());
	}

	/**
	 * Refuses a command that can never be executed: no id, tenant, action or write; a non-positive {@code stId}
	 * outside a create; a create without name or address; an update of a customer or job, or a reschedule, that
	 * writes nothing; an assignment without its appointment or technicians; a cancel or hold without its reason.
	 *
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static void validate(FieldCommand command) {

		if (command.commandId() == null || command.tenantId() == null || command.tenantId().isBlank()
				|| command.action() == null || command.write() == null) {
			throw new IllegalArgumentException("Malformed field command: commandId, tenantId, action and write are required");
		}
		var action = command.action();
		var write = command.write();
		if (action != FieldAction.CREATE_CUSTOMER && command.stId() <= 0) {
			throw malformed(command, "a ServiceTitan stId");
		}
		switch (action) {
			case CREATE_CUSTOMER -> require(command, write.name() != null && !write.name().isBlank() && write.address() != null,
					"name and address");
			case UPDATE_CUSTOMER -> require(command, write.name() != null || write.type() != null || write.address() != null,
					"name, type or address");
			case UPDATE_JOB -> require(command, write.summary() != null || write.businessUnitId() != null
					|| write.jobTypeId() != null || write.priority() != null, "summary, businessUnitId, jobTypeId or priority");
			case CANCEL_JOB, HOLD_JOB -> require(command, write.reasonId() != null, "reasonId");
			case ASSIGN_TECHNICIANS, UNASSIGN_TECHNICIANS -> require(command, write.appointmentId() != null
					&& write.appointmentId() > 0 && write.technicianIds() != null && !write.technicianIds().isEmpty()
					&& write.technicianIds().stream().allMatch(id -> id != null && id > 0), "appointmentId and technicianIds");
			case RESCHEDULE_APPOINTMENT -> require(command, write.start() != null || write.end() != null, "start or end");
			case COMPLETE_JOB, CONFIRM_APPOINTMENT, SELL_ESTIMATE, DISMISS_ESTIMATE -> {
			}
		}
	}

	private static void require(FieldCommand command, boolean present, String what) {
		if (!present) {
			throw malformed(command, what);
		}
	}

	private static IllegalArgumentException malformed(FieldCommand command, String what) {
		return new IllegalArgumentException("Malformed field command " + command.commandId() + ": " + command.action()
				+ " requires " + what);
	}

	private static String shorten(@Nullable String message) {

		var line = message == null ? "ServiceTitan call failed" : message.replaceAll("\\s+", " ").trim();
		return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) + "…" : line;
	}
}
