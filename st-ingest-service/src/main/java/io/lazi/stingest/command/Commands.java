package io.lazi.stingest.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import lombok.AccessLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.StCommand;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.kafka.RetryLaterException;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.servicetitan.ServiceTitanException;
import tools.jackson.core.JacksonException;

/**
 * Executes {@code st.commands} against ServiceTitan, each command id at most once to an outcome. The
 * ledger row is written STARTED before the first ServiceTitan call; the outcome and its
 * {@code StCommandCompleted} ({@code sync.events}, key tenant id) commit together. A redelivered
 * completed command re-announces the recorded outcome without calling ServiceTitan; a redelivered
 * started one is executed again (a create first looks for what its lost POST created).
 *
 * <p>Outcomes: 2xx SUCCEEDED; 404 NOT_FOUND (for a delete: already gone, done); any other 4xx FAILED
 * with {@code stStatus} and ServiceTitan's error title and field messages; 5xx or I/O failures past
 * the retry budget FAILED with the last status; a 429 past the retry budget is no outcome: ServiceTitan
 * did nothing, so the command is re-queued ({@link RetryLaterException}, after {@code Retry-After}) as
 * often as ServiceTitan answers 429, and its next delivery resumes it; an answer that cannot be read FAILED; a tenant without
 * credentials FAILED without a call.
 * Database failures propagate, so Kafka redelivers the command. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Commands {

	/** Consumer group of the {@code st.commands} listener. */
	public static final String CONSUMER = "st-ingest-service";

	private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	/** Wait before a rate-limited command's next delivery when ServiceTitan named none. */
	private static final Duration RATE_LIMITED_WAIT = Duration.ofSeconds(5);

	private final CommandLedger ledger;

	private final CategoryCommands categories;

	private final ServiceTitanClient client;

	private final Clock clock = Clock.systemUTC();

	/**
	 * Executes one delivered command.
	 *
	 * @throws IllegalArgumentException when the command is malformed (no tenant, id or action; an update
	 *         or create without {@code write}; a non-positive id outside a create): a poison record
	 */
	public void execute(StCommand command) {

		validate(command);
		var started = clock.instant();
		switch (ledger.begin(command, started)) {
			case CommandLedger.Delivery.AlreadyCompleted<StCommandCompleted> done -> LOG.info(
					"Command {} ({} {} of tenant {}) delivered again (delivery {}); re-announced its {} outcome",
					command.commandId(), command.action(), command.stId(), command.tenantId(), done.attempts(),
					done.recorded().outcome());
			case CommandLedger.Delivery.Resumed<StCommandCompleted> resumed -> {
				LOG.warn("Command {} ({} {} of tenant {}) started at {} without a recorded outcome; executing it again "
						+ "(delivery {})", command.commandId(), command.action(), command.stId(), command.tenantId(),
						resumed.startedAt(), resumed.attempts());
				run(command, started, resumed.startedAt());
			}
			case CommandLedger.Delivery.First<StCommandCompleted> first -> run(command, started, null);
		}
	}

	private void run(StCommand command, Instant started, @Nullable Instant resumedFrom) {

		var counts = new CallCounts();
		Result result;
		if (!client.serves(command.tenantId())) {
			result = Result.failed(null, "tenant not configured: st-ingest has no ServiceTitan credentials for tenant "
					+ command.tenantId());
		}
		else {
			try {
				result = categories.execute(command, resumedFrom, counts);
			}
			catch (ServiceTitanException ex) {
				if (ex.rateLimited()) {
					// ServiceTitan did nothing: the command is delivered again later, never failed for it.
					LOG.info("Command {} ({} {} of tenant {}) rate limited after {} ServiceTitan calls; re-queued",
							command.commandId(), command.action(), command.stId(), command.tenantId(), counts.calls());
					throw new RetryLaterException("ServiceTitan rate limited command " + command.commandId(),
							ex.waitAsked().orElse(RATE_LIMITED_WAIT));
				}
				result = Result.failed(ex.status() == 0 ? null : ex.status(), shorten(ex.getMessage()));
			}
			catch (JacksonException | IllegalStateException ex) {
				// ServiceTitan answered, but not with the documented shape: the write may have happened
				LOG.warn("Command {}: unreadable ServiceTitan answer", command.commandId(), ex);
				result = Result.failed(null, shorten("ServiceTitan's answer could not be read: " + ex.getMessage()));
			}
		}
		var now = clock.instant();
		var completed = new StCommandCompleted(command.commandId(), command.tenantId(), command.pushId(), command.action(),
				command.stId(), result.outcome(), result.stStatus(), result.error(), result.category(), result.imagePath(),
				counts.calls(), counts.rateLimitedCount(), Duration.between(started, now).toMillis(), now);
		ledger.complete(completed);
		LOG.info("Command {} ({} {} of tenant {}): {}{} after {} ServiceTitan calls ({} rate limited)", command.commandId(),
				command.action(), command.stId(), command.tenantId(), result.outcome(),
				result.error() == null ? "" : " (" + result.error() + ")", counts.calls(), counts.rateLimitedCount());
	}

	static void validate(StCommand command) {

		if (command.commandId() == null || command.tenantId() == null || command.tenantId().isBlank()
				|| command.action() == null) {
			throw new IllegalArgumentException("Malformed command: commandId, tenantId and action are required");
		}
		var writes = command.action() == CommandAction.UPDATE_CATEGORY || command.action() == CommandAction.CREATE_CATEGORY;
		if (writes && command.write() == null) {
			throw new IllegalArgumentException("Malformed command " + command.commandId() + ": " + command.action()
					+ " requires write");
		}
		if (command.action() != CommandAction.CREATE_CATEGORY && command.stId() <= 0) {
			throw new IllegalArgumentException("Malformed command " + command.commandId() + ": " + command.action()
					+ " requires a ServiceTitan stId");
		}
	}

	private static String shorten(@Nullable String message) {

		var line = message == null ? "ServiceTitan call failed" : message.replaceAll("\\s+", " ").trim();
		return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) + "…" : line;
	}
}
