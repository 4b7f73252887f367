package io.lazi.stingest.command.kafka;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.stingest.command.Commands;
import io.lazi.stingest.command.FieldCommands;

/**
 * Reads {@code st.commands} CloudEvents, decoded and checked through the registry, and hands each command to its
 * executor: a category command ({@code StCommand}, from pricebook-service) to {@link Commands}, a field command
 * ({@code FieldCommand}, from field-service) to {@link FieldCommands}; with
 * {@code lazi.st-ingest.commands.concurrency} threads (default 3, one per partition). A record of another type,
 * another tenant's header, a missing required field or a malformed command goes straight to
 * {@code st.commands-dlt}; other failures are retried by the platform error handler first.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandListener {

	private final Commands commands;

	private final FieldCommands fieldCommands;

	@KafkaListener(id = "st-ingest-commands", topics = Topics.ST_COMMANDS, groupId = Commands.CONSUMER,
			concurrency = "${lazi.st-ingest.commands.concurrency:3}")
	void onRecord(ReceivedEvent<?> event) {

		switch (event.verified().payload()) {
			case StCommand command -> commands.execute(command);
			case FieldCommand command -> fieldCommands.execute(command);
			default -> throw new IllegalArgumentException("Event " + event.id() + " (" + event.type() + ") carries no command");
		}
	}
}
