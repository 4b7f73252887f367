package io.lazi.stingest.command.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.stingest.command.Commands;

/**
 * Reads {@code st.commands} CloudEvents and hands each command to {@link Commands}, with
 * {@code lazi.st-ingest.commands.concurrency} threads (default 3, one per partition). A record of
 * another type, another tenant's header, or a malformed command goes straight to
 * {@code st.commands-dlt}; other failures are retried by the platform error handler first.
 */
@Component
class CommandListener {

	private final CloudEventCodec codec;

	private final Commands commands;

	CommandListener(CloudEventCodec codec, Commands commands) {
		this.codec = codec;
		this.commands = commands;
	}

	@KafkaListener(id = "st-ingest-commands", topics = Topics.ST_COMMANDS, groupId = Commands.CONSUMER,
			concurrency = "${lazi.st-ingest.commands.concurrency:3}")
	void onRecord(ConsumerRecord<String, byte[]> record) {

		var event = codec.read(record);
		if (!EventTypes.ST_COMMAND.equals(event.type())) {
			throw new IllegalArgumentException("Unexpected event type " + event.type() + " on " + record.topic());
		}
		var command = codec.payload(event, StCommand.class);
		if (event.tenantId() != null && command.tenantId() != null && !event.tenantId().equals(command.tenantId())) {
			throw new IllegalArgumentException("Command " + command.commandId() + " names tenant " + command.tenantId()
					+ " but its ce_tenantid is " + event.tenantId());
		}
		commands.execute(command);
	}
}
