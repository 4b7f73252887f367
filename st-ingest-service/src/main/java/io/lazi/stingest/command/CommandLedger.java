package io.lazi.stingest.command;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.stingest.command.CommandRepository.Kind;

/**
 * The command ledger's state changes, each in its own short transaction: a delivery's start (before
 * ServiceTitan is called), and the outcome together with the event announcing it ({@code StCommandCompleted} for a
 * category command, {@code FieldCommandCompleted} for a field command; key tenant, subject command id).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandLedger {

	private final CommandRepository commands;

	private final Outbox outbox;

	/**
	 * Starts a delivery of {@code command}: a new command is recorded STARTED; a completed one has its
	 * recorded outcome appended to the outbox again; a started one (its outcome was lost) is resumed.
	 *
	 * @throws IllegalArgumentException when the command id belongs to another tenant or to a field command
	 */
	@Transactional
	Delivery<StCommandCompleted> begin(StCommand command, Instant now) {
		return commands.insertStarted(command, now) ? new Delivery.First<>(now)
				: known(command.tenantId(), command.commandId(), Kind.CATEGORY, StCommandCompleted.class,
						CommandLedger::completedEvent);
	}

	/**
	 * Starts a delivery of a field command, as {@link #begin(StCommand, Instant)} does.
	 *
	 * @throws IllegalArgumentException when the command id belongs to another tenant or to a category command
	 */
	@Transactional
	Delivery<FieldCommandCompleted> begin(FieldCommand command, Instant now) {
		return commands.insertStarted(command, now) ? new Delivery.First<>(now)
				: known(command.tenantId(), command.commandId(), Kind.FIELD, FieldCommandCompleted.class,
						CommandLedger::completedEvent);
	}

	private <R> Delivery<R> known(String tenantId, UUID commandId, Kind kind, Class<R> result,
			Function<R, OutgoingEvent> event) {

		var entry = commands.redelivered(tenantId, commandId, kind, result)
			.orElseThrow(() -> new IllegalArgumentException(
					"Command " + commandId + " is known for another tenant or as another kind of command"));
		if (entry.completed()) {
			var recorded = Objects.requireNonNull(entry.result());
			outbox.append(event.apply(recorded));
			return new Delivery.AlreadyCompleted<>(recorded, entry.attempts());
		}
		return new Delivery.Resumed<>(entry.startedAt(), entry.attempts());
	}

	/** Records the outcome and appends its {@code StCommandCompleted}, together. */
	@Transactional
	void complete(StCommandCompleted result) {
		commands.complete(result);
		outbox.append(completedEvent(result));
	}

	/** Records the outcome and appends its {@code FieldCommandCompleted}, together. */
	@Transactional
	void complete(FieldCommandCompleted result) {
		commands.complete(result);
		outbox.append(completedEvent(result));
	}

	private static OutgoingEvent completedEvent(StCommandCompleted result) {
		return OutgoingEvent.of(Events.ST_COMMAND_COMPLETED, result.commandId().toString(), result);
	}

	private static OutgoingEvent completedEvent(FieldCommandCompleted result) {
		return OutgoingEvent.of(Events.FIELD_COMMAND_COMPLETED, result.commandId().toString(), result);
	}

	/**
	 * What a delivery found in the ledger.
	 *
	 * @param <R> the outcome event of the command
	 */
	sealed interface Delivery<R> {

		/** The command is new; recorded STARTED at {@code startedAt}. */
		record First<R>(Instant startedAt) implements Delivery<R> {
		}

		/** An earlier delivery started at {@code startedAt} and never recorded its outcome. */
		record Resumed<R>(Instant startedAt, int attempts) implements Delivery<R> {
		}

		/** The outcome was recorded; it has been announced again. */
		record AlreadyCompleted<R>(R recorded, int attempts) implements Delivery<R> {
		}
	}
}
