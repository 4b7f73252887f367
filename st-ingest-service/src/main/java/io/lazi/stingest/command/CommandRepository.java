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

import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.FieldCommand;
import io.lazi.platform.events.FieldCommandCompleted;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.events.TenantPayload;
import io.lazi.platform.kafka.CloudEventCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command ledger ({@code st_command}) of category and field commands; every method filters by tenant. A
 * completed command keeps the outcome event it published ({@code StCommandCompleted} or {@code FieldCommandCompleted},
 * by {@link Kind}), as that event's JSON.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandRepository {

	private final DSLContext db;

	private final CloudEventCodec codec;

	private final JsonMapper json;

	/**
	 * Records the category command as STARTED unless its id is known.
	 *
	 * @return whether it was inserted
	 */
	boolean insertStarted(StCommand command, Instant now) {
		return insertStarted(command.commandId(), command.tenantId(), command.pushId(), Kind.CATEGORY,
				command.action().name(), command.stId(), now);
	}

	/**
	 * Records the field command as STARTED unless its id is known.
	 *
	 * @return whether it was inserted
	 */
	boolean insertStarted(FieldCommand command, Instant now) {
		return insertStarted(command.commandId(), command.tenantId(), null, Kind.FIELD, command.action().name(),
				command.stId(), now);
	}

	private boolean insertStarted(UUID commandId, String tenantId, @Nullable UUID pushId, Kind kind, String action,
			long stId, Instant now) {
		return db.insertInto(ST_COMMAND)
			.set(ST_COMMAND.COMMAND_ID, commandId)
			.set(ST_COMMAND.TENANT_ID, tenantId)
			.set(ST_COMMAND.PUSH_ID, pushId)
			.set(ST_COMMAND.KIND, kind.name())
			.set(ST_COMMAND.ACTION, action)
			.set(ST_COMMAND.ST_ID, stId)
			.set(ST_COMMAND.STATUS, Entry.STARTED)
			.set(ST_COMMAND.STARTED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.onConflictDoNothing()
			.execute() == 1;
	}

	/**
	 * Counts one more delivery of a known command of {@code kind} and returns its entry, its result read as
	 * {@code result}; empty when the tenant has no such command of that kind.
	 */
	<R> Optional<Entry<R>> redelivered(String tenantId, UUID commandId, Kind kind, Class<R> result) {
		return db.update(ST_COMMAND)
			.set(ST_COMMAND.ATTEMPTS, ST_COMMAND.ATTEMPTS.plus(1))
			.where(ST_COMMAND.TENANT_ID.eq(tenantId), ST_COMMAND.COMMAND_ID.eq(commandId), ST_COMMAND.KIND.eq(kind.name()))
			.returning(ST_COMMAND.STATUS, ST_COMMAND.STARTED_AT, ST_COMMAND.RESULT, ST_COMMAND.ATTEMPTS)
			.fetchOptional(row -> new Entry<>(row.get(ST_COMMAND.STATUS), row.get(ST_COMMAND.STARTED_AT).toInstant(),
					row.get(ST_COMMAND.RESULT) == null ? null
							: json.readValue(row.get(ST_COMMAND.RESULT).data().getBytes(StandardCharsets.UTF_8), result),
					row.get(ST_COMMAND.ATTEMPTS)));
	}

	/** Marks the category command COMPLETED with the outcome {@code result} publishes, at its completion time. */
	void complete(StCommandCompleted result) {
		complete(result, result.commandId(), result.outcome(), result.completedAt());
	}

	/** Marks the field command COMPLETED with the outcome {@code result} publishes, at its completion time. */
	void complete(FieldCommandCompleted result) {
		complete(result, result.commandId(), result.outcome(), result.completedAt());
	}

	private void complete(TenantPayload result, UUID commandId, CommandOutcome outcome, Instant completedAt) {
		db.update(ST_COMMAND)
			.set(ST_COMMAND.STATUS, Entry.COMPLETED)
			.set(ST_COMMAND.OUTCOME, outcome.name())
			.set(ST_COMMAND.RESULT, JSONB.jsonb(new String(codec.serialize(result), StandardCharsets.UTF_8)))
			.set(ST_COMMAND.COMPLETED_AT, OffsetDateTime.ofInstant(completedAt, ZoneOffset.UTC))
			.where(ST_COMMAND.TENANT_ID.eq(result.tenantId()), ST_COMMAND.COMMAND_ID.eq(commandId))
			.execute();
	}

	/** Which commands a row records, and so which outcome event its result holds. */
	enum Kind {

		/** {@code StCommand}, answered by {@code StCommandCompleted}. */
		CATEGORY,

		/** {@code FieldCommand}, answered by {@code FieldCommandCompleted}. */
		FIELD
	}

	/**
	 * A known command.
	 *
	 * @param startedAt when its first delivery started
	 * @param result the published outcome event once COMPLETED
	 * @param attempts deliveries so far, this one included
	 */
	record Entry<R>(String status, Instant startedAt, @Nullable R result, int attempts) {

		static final String STARTED = "STARTED";

		static final String COMPLETED = "COMPLETED";

		boolean completed() {
			return COMPLETED.equals(status) && result != null;
		}
	}
}
