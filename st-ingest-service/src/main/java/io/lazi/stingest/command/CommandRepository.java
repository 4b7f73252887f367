package io.lazi.stingest.command;

import static io.lazi.stingest.jooq.Tables.ST_COMMAND;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.kafka.CloudEventCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command ledger ({@code st_command}); every method filters by tenant. A completed command keeps the
 * {@code StCommandCompleted} it published, as that event's JSON.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandRepository {

	private final DSLContext db;

	private final CloudEventCodec codec;

	private final JsonMapper json;

	/**
	 * Records the command as STARTED unless its id is known.
	 *
	 * @return whether it was inserted
	 */
	boolean insertStarted(StCommand command, Instant now) {
		return db.insertInto(ST_COMMAND)
			.set(ST_COMMAND.COMMAND_ID, command.commandId())
			.set(ST_COMMAND.TENANT_ID, command.tenantId())
			.set(ST_COMMAND.PUSH_ID, command.pushId())
			.set(ST_COMMAND.ACTION, command.action().name())
			.set(ST_COMMAND.ST_ID, command.stId())
			.set(ST_COMMAND.STATUS, Entry.STARTED)
			.set(ST_COMMAND.STARTED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.onConflictDoNothing()
			.execute() == 1;
	}

	/** Counts one more delivery of a known command and returns its entry; empty when the tenant has no such command. */
	Optional<Entry> redelivered(String tenantId, UUID commandId) {
		return db.update(ST_COMMAND)
			.set(ST_COMMAND.ATTEMPTS, ST_COMMAND.ATTEMPTS.plus(1))
			.where(ST_COMMAND.TENANT_ID.eq(tenantId), ST_COMMAND.COMMAND_ID.eq(commandId))
			.returning(ST_COMMAND.STATUS, ST_COMMAND.STARTED_AT, ST_COMMAND.RESULT, ST_COMMAND.ATTEMPTS)
			.fetchOptional(row -> new Entry(row.get(ST_COMMAND.STATUS), row.get(ST_COMMAND.STARTED_AT).toInstant(),
					row.get(ST_COMMAND.RESULT) == null ? null
							: json.readValue(row.get(ST_COMMAND.RESULT).data().getBytes(StandardCharsets.UTF_8),
									StCommandCompleted.class),
					row.get(ST_COMMAND.ATTEMPTS)));
	}

	/** Marks the command COMPLETED with the outcome {@code result} publishes, at its completion time. */
	void complete(StCommandCompleted result) {
		db.update(ST_COMMAND)
			.set(ST_COMMAND.STATUS, Entry.COMPLETED)
			.set(ST_COMMAND.OUTCOME, result.outcome().name())
			.set(ST_COMMAND.RESULT, JSONB.jsonb(new String(codec.serialize(result), StandardCharsets.UTF_8)))
			.set(ST_COMMAND.COMPLETED_AT, OffsetDateTime.ofInstant(result.completedAt(), ZoneOffset.UTC))
			.where(ST_COMMAND.TENANT_ID.eq(result.tenantId()), ST_COMMAND.COMMAND_ID.eq(result.commandId()))
			.execute();
	}

	/**
	 * A known command.
	 *
	 * @param startedAt when its first delivery started
	 * @param result the published {@code StCommandCompleted} once COMPLETED
	 * @param attempts deliveries so far, this one included
	 */
	record Entry(String status, Instant startedAt, @Nullable StCommandCompleted result, int attempts) {

		static final String STARTED = "STARTED";

		static final String COMPLETED = "COMPLETED";

		boolean completed() {
			return COMPLETED.equals(status) && result != null;
		}
	}
}
