package io.lazi.pricebook.category.push;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.StCommandCompleted;
import io.lazi.platform.kafka.ConsumedMessages;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.ReceivedEvent;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.PricebookApplication;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.push.internal.PushCommands;
import io.lazi.pricebook.category.push.internal.PushItem;
import io.lazi.pricebook.category.push.internal.PushOutcomes;
import io.lazi.pricebook.category.push.internal.PushOutcomes.Outcome;
import io.lazi.pricebook.category.push.internal.PushRepository;
import io.lazi.pricebook.category.push.internal.PushResults;
import io.lazi.pricebook.category.push.internal.PushStarter;
import io.lazi.pricebook.category.sync.CategorySync;

/**
 * Pushes pending local changes to ServiceTitan through {@code st.commands} and applies st-ingest's
 * answers ({@code StCommandCompleted} on {@code sync.events}) exactly once each, counting each item's outcome
 * in {@code lazi.pricebook.push.outcomes} ({@link PushOutcomes}). Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryPushes {

	private static final Logger LOG = LoggerFactory.getLogger(CategoryPushes.class);

	private final PushStarter starter;

	private final PushResults results;

	private final PushRepository pushes;

	private final CategoryRows rows;

	private final CategorySync sync;

	private final ConsumedMessages consumed;

	private final Outbox outbox;

	private final PushOutcomes outcomes;

	/**
	 * Sends one command per pending item that is neither conflicted nor already in flight. With nothing
	 * to send the push finishes at once ({@code CategoriesPushed} with count 0).
	 */
	@Transactional
	public PushStarted push(Tenant tenant) {
		return starter.start(tenant, null);
	}

	/**
	 * Asks ServiceTitan for the current state of one category; the answer is applied like a sync of it.
	 *
	 * @return the command id
	 * @throws ResourceNotFoundException when the tenant has no such category in ServiceTitan
	 */
	@Transactional
	public UUID pull(Tenant tenant, long stId) {

		if (stId < 0 || rows.lock(tenant.id(), stId).isEmpty()) {
			throw CategoryRows.notFound(stId);
		}
		var commandId = UUID.randomUUID();
		outbox.append(PushCommands.pull(tenant.id(), commandId, stId));
		return commandId;
	}

	/**
	 * Applies one command outcome, checked and exactly once ({@link ConsumedMessages#accept}). A redelivered
	 * event, or a second event for a command that already has its outcome, changes nothing.
	 *
	 * @throws IllegalArgumentException when the event can never be applied (tenant mismatch, missing fields)
	 */
	@Transactional
	public void apply(ReceivedEvent<StCommandCompleted> event) {

		if (!consumed.accept(event, PricebookApplication.CONSUMER)) {
			return;
		}
		var tenantId = event.tenantId();
		var result = event.payload();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		if (result.action() == CommandAction.PULL_CATEGORY) {
			sync.applyPull(tenantId, result, now);
			return;
		}
		var deleteDone = result.action() == CommandAction.DELETE_CATEGORY && result.outcome() == CommandOutcome.NOT_FOUND;
		var status = result.outcome() == CommandOutcome.SUCCEEDED || deleteDone ? PushItem.SUCCEEDED
				: result.outcome().name();
		var message = message(result);
		var completed = pushes.complete(tenantId, result.commandId(), status, result.stStatus(), message, now);
		if (completed.isEmpty()) {
			LOG.debug("Outcome of command {} already applied or unknown", result.commandId());
			return;
		}
		var item = completed.get();
		if (PushItem.SUCCEEDED.equals(status)) {
			outcomes.count(Outcome.PUSHED, 1);
			results.succeeded(tenantId, item, result, now);
			if (item.action() == CommandAction.CREATE_CATEGORY && result.category() != null) {
				release(tenantId, item, result.category().id());
			}
		}
		else if (result.outcome() == CommandOutcome.NOT_FOUND && results.settleGonePosition(tenantId, item)) {
			outcomes.count(Outcome.NOT_FOUND, 1);
		}
		else {
			outcomes.count(result.outcome() == CommandOutcome.NOT_FOUND ? Outcome.NOT_FOUND : Outcome.FAILED, 1);
			results.failed(tenantId, item, result.stStatus(), message, now);
			var orphans = pushes.failWaiting(tenantId, item.pushId(), item.stId(),
					"parent " + item.stId() + " was not created", now);
			orphans.forEach(waiting -> results.failed(tenantId, waiting, null,
					"parent " + item.stId() + " was not created", now));
			outcomes.count(Outcome.PARENT_NOT_CREATED, orphans.size());
		}
		pushes.finishIfDone(tenantId, item.pushId(), now).ifPresent(push -> starter.announce(push, tenantId));
	}

	/**
	 * A push and its counts.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such push
	 */
	@Transactional(readOnly = true)
	public PushStatus status(Tenant tenant, UUID pushId) {
		return pushes.status(tenant, pushId).orElseThrow(() -> new ResourceNotFoundException("Push", pushId));
	}

	/** Sends the commands that waited for the create of {@code item}, now that it has its real id. */
	private void release(String tenantId, PushItem item, long newId) {

		for (var waiting : pushes.release(tenantId, item.pushId(), item.stId())) {
			var stored = rows.lock(tenantId, waiting.stId()).orElseThrow();
			outbox.append(PushCommands.command(tenantId, waiting.pushId(), waiting.commandId(), stored));
			LOG.debug("Released command {} after create {} became {}", waiting.commandId(), item.stId(), newId);
		}
	}

	private static String message(StCommandCompleted result) {

		if (result.outcome() == CommandOutcome.NOT_FOUND && result.action() == CommandAction.UPDATE_CATEGORY) {
			return PushResults.DELETED_IN_ST;
		}
		return result.error() == null ? result.outcome().name().toLowerCase() : result.error();
	}
}
