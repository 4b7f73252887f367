package io.lazi.field.command;

import static io.lazi.field.jooq.Tables.FIELD_COMMAND;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.change.Announcements;
import io.lazi.field.jooq.tables.records.FieldCommandRecord;
import io.lazi.field.mirror.MirrorIngest;
import io.lazi.field.record.Kind;
import io.lazi.field.record.Row;
import io.lazi.field.record.Rows;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldAction;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.PageRequest;

/**
 * Sends writes to ServiceTitan and records how they end. {@link #issue} records the command PENDING and appends its
 * {@code FieldCommand} ({@code st.commands}, key {@code {tenantId}:{stId}}) in the caller's transaction, so the
 * command leaves exactly when the request commits. {@link #complete} applies st-ingest's answer once per event: the
 * command's outcome, and ServiceTitan's records after the write into the mirror, which is the only way a write in
 * {@code servicetitan} mode changes what reads show. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FieldCommands {

	/** The prefix of a command's reference naming the opportunity that asked for it. */
	public static final String OPPORTUNITY = "opportunity:";

	/** The prefix of a command's reference naming the CRM account whose customer it creates. */
	public static final String ACCOUNT = "crm-account:";

	private static final Logger LOG = LoggerFactory.getLogger(FieldCommands.class);

	private final DSLContext dsl;

	private final Outbox outbox;

	private final ConsumedMessages consumed;

	private final MirrorIngest mirror;

	private final Announcements announcements;

	private final Clock clock = Clock.systemUTC();

	/**
	 * Records a write to ServiceTitan and sends it when the caller's transaction commits.
	 *
	 * @param stId the ServiceTitan id of the record written; negative for a record ServiceTitan creates
	 * @param reference what in Lazi asked for it, echoed in the answer (e.g. {@code opportunity:<uuid>}); or null
	 * @param user the {@code sub} of the user asking, or null for Lazi itself
	 * @return the pending command
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CommandView issue(String tenant, FieldAction action, long stId, FieldWrite write, @Nullable String reference,
			@Nullable String user) {

		var command = new FieldCommand(UUID.randomUUID(), tenant, action, stId, write, reference, user, clock.instant());
		dsl.insertInto(FIELD_COMMAND)
			.set(FIELD_COMMAND.TENANT_ID, tenant)
			.set(FIELD_COMMAND.COMMAND_ID, command.commandId())
			.set(FIELD_COMMAND.ACTION, action.name())
			.set(FIELD_COMMAND.ST_ID, stId)
			.set(FIELD_COMMAND.REFERENCE, reference)
			.set(FIELD_COMMAND.REQUESTED_BY, user)
			.set(FIELD_COMMAND.STATUS, "PENDING")
			.set(FIELD_COMMAND.ISSUED_AT, command.issuedAt().atOffset(ZoneOffset.UTC))
			.execute();
		outbox.append(OutgoingEvent.of(Events.FIELD_COMMAND, "command/" + command.commandId(), command));
		LOG.info("Command {} ({} {}) of tenant {} sent to ServiceTitan", command.commandId(), action, stId, tenant);
		return find(tenant, command.commandId()).orElseThrow();
	}

	/**
	 * Applies st-ingest's answer to a command, once per event: records the outcome (a command this service did not
	 * issue is only logged) and writes ServiceTitan's records after the write into the mirror.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (poison)
	 */
	@Transactional
	public void complete(ReceivedEvent<FieldCommandCompleted> event) {

		if (!consumed.accept(event, MirrorIngest.CONSUMER)) {
			return;
		}
		var answer = event.payload();
		var resultId = answer.action() == FieldAction.CREATE_CUSTOMER && answer.customer() != null
				? Long.valueOf(answer.customer().id()) : null;
		var updated = dsl.update(FIELD_COMMAND)
			.set(FIELD_COMMAND.STATUS, answer.outcome().name())
			.set(FIELD_COMMAND.ST_STATUS, answer.stStatus())
			.set(FIELD_COMMAND.ERROR, answer.error())
			.set(FIELD_COMMAND.RESULT_ID, resultId)
			.set(FIELD_COMMAND.COMPLETED_AT, answer.completedAt().atOffset(ZoneOffset.UTC))
			.where(FIELD_COMMAND.TENANT_ID.eq(answer.tenantId()), FIELD_COMMAND.COMMAND_ID.eq(answer.commandId()))
			.execute();
		if (updated == 0) {
			LOG.warn("Answer to command {} of tenant {}, which field-service did not issue", answer.commandId(),
					answer.tenantId());
		}
		mirror.apply(answer.tenantId(), rows(answer), clock.instant());
		writeBackOutcome(answer);
		if (updated > 0) {
			// After the mirror's own events: a browser refreshing on it reads the change.
			outbox.append(OutgoingEvent.of(Events.FIELD_COMMAND_APPLIED, "command/" + answer.commandId(), answer));
		}
		LOG.info("Command {} ({} {}) of tenant {}: {}{}", answer.commandId(), answer.action(), answer.stId(),
				answer.tenantId(), answer.outcome(), answer.error() == null ? "" : " (" + answer.error() + ")");
	}

	/** The command {@code id} of {@code tenant}. */
	public Optional<CommandView> find(String tenant, UUID id) {

		return dsl.selectFrom(FIELD_COMMAND)
			.where(FIELD_COMMAND.TENANT_ID.eq(tenant), FIELD_COMMAND.COMMAND_ID.eq(id))
			.fetchOptional(FieldCommands::view);
	}

	/** The newest command of {@code tenant} that does {@code action} for {@code reference}; empty when none was issued. */
	public Optional<CommandView> issued(String tenant, FieldAction action, String reference) {

		return dsl.selectFrom(FIELD_COMMAND)
			.where(FIELD_COMMAND.TENANT_ID.eq(tenant), FIELD_COMMAND.ACTION.eq(action.name()),
					FIELD_COMMAND.REFERENCE.eq(reference))
			.orderBy(FIELD_COMMAND.ISSUED_AT.desc())
			.limit(1)
			.fetchOptional(FieldCommands::view);
	}

	/** The tenant's commands, newest first; only those of {@code status} when given. */
	public List<CommandView> list(String tenant, @Nullable String status, PageRequest page) {

		var where = FIELD_COMMAND.TENANT_ID.eq(tenant);
		if (status != null) {
			where = where.and(FIELD_COMMAND.STATUS.eq(status));
		}
		return dsl.selectFrom(FIELD_COMMAND)
			.where(where)
			.orderBy(FIELD_COMMAND.ISSUED_AT.desc(), FIELD_COMMAND.COMMAND_ID)
			.limit(page.size())
			.offset(page.offset())
			.fetch(FieldCommands::view);
	}

	/** How many commands {@link #list} pages through. */
	public long count(String tenant, @Nullable String status) {
		var where = FIELD_COMMAND.TENANT_ID.eq(tenant);
		return dsl.fetchCount(FIELD_COMMAND, status == null ? where : where.and(FIELD_COMMAND.STATUS.eq(status)));
	}

	/** Reports the end of a sell or dismiss that an opportunity marked won or lost asked for. */
	private void writeBackOutcome(FieldCommandCompleted answer) {

		var reference = answer.reference();
		var writeBack = answer.action() == FieldAction.SELL_ESTIMATE || answer.action() == FieldAction.DISMISS_ESTIMATE;
		if (!writeBack || reference == null || !reference.startsWith(OPPORTUNITY)) {
			return;
		}
		UUID opportunity;
		try {
			opportunity = UUID.fromString(reference.substring(OPPORTUNITY.length()));
		}
		catch (IllegalArgumentException ex) {
			LOG.warn("Command {} names no opportunity in its reference {}", answer.commandId(), reference);
			return;
		}
		var succeeded = answer.outcome() == CommandOutcome.SUCCEEDED;
		var error = succeeded ? null : answer.outcome() == CommandOutcome.NOT_FOUND
				? "ServiceTitan has no estimate " + answer.stId() : answer.error();
		announcements.writeBack(answer.tenantId(), opportunity, answer.stId(),
				answer.action() == FieldAction.SELL_ESTIMATE ? "won" : "lost", "servicetitan",
				succeeded ? "succeeded" : "failed", answer.commandId(), error, clock.instant());
	}

	private static List<Row> rows(FieldCommandCompleted answer) {

		var rows = new ArrayList<Row>();
		if (answer.customer() != null) {
			rows.add(Rows.of(Kind.CUSTOMER, answer.customer()));
		}
		if (answer.job() != null) {
			rows.add(Rows.of(Kind.JOB, answer.job()));
		}
		if (answer.appointment() != null) {
			rows.add(Rows.of(Kind.APPOINTMENT, answer.appointment()));
		}
		if (answer.assignments() != null) {
			answer.assignments().forEach(assignment -> rows.add(Rows.of(Kind.ASSIGNMENT, assignment)));
		}
		if (answer.estimate() != null) {
			rows.add(Rows.of(Kind.ESTIMATE, answer.estimate()));
		}
		return rows;
	}

	private static CommandView view(FieldCommandRecord row) {
		return new CommandView(row.getCommandId(), row.getAction(), row.getStId(), row.getStatus(), row.getReference(),
				row.getRequestedBy(), row.getStStatus(), row.getError(), row.getResultId(), row.getIssuedAt().toInstant(),
				row.getCompletedAt() == null ? null : row.getCompletedAt().toInstant());
	}
}
