package io.lazi.stingest.command;

import java.time.Instant;
import java.util.Objects;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * The command ledger's state changes, each in its own short transaction: a delivery's start (before
 * ServiceTitan is called), and the outcome together with the {@code StCommandCompleted} announcing it.
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
	 * @throws IllegalArgumentException when the command id belongs to another tenant
	 */
	@Transactional
	Delivery begin(StCommand command, Instant now) {

		if (commands.insertStarted(command, now)) {
			return new Delivery.First(now);
		}
		var entry = commands.redelivered(command.tenantId(), command.commandId())
			.orElseThrow(() -> new IllegalArgumentException("Command " + command.commandId() + " is known for another tenant"));
		if (entry.completed()) {
			var recorded = Objects.requireNonNull(entry.result());
			outbox.append(completedEvent(recorded));
			return new Delivery.AlreadyCompleted(recorded, entry.attempts());
		}
		return new Delivery.Resumed(entry.startedAt(), entry.attempts());
	}

	/** Records the outcome and appends its {@code StCommandCompleted}, together. */
	@Transactional
	void complete(StCommandCompleted result) {
		commands.complete(result);
		outbox.append(completedEvent(result));
	}

	private static OutgoingEvent completedEvent(StCommandCompleted result) {
		return OutgoingEvent.of(Events.ST_COMMAND_COMPLETED, result.commandId().toString(), result);
	}

	/** What a delivery found in the ledger. */
	sealed interface Delivery {

		/** The command is new; recorded STARTED at {@code startedAt}. */
		record First(Instant startedAt) implements Delivery {
		}

		/** An earlier delivery started at {@code startedAt} and never recorded its outcome. */
		record Resumed(Instant startedAt, int attempts) implements Delivery {
		}

		/** The outcome was recorded; it has been announced again. */
		record AlreadyCompleted(StCommandCompleted recorded, int attempts) implements Delivery {
		}
	}
}
