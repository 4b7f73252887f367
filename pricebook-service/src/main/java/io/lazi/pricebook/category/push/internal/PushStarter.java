package io.lazi.pricebook.category.push.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoriesPushed;
import io.lazi.platform.events.CommandAction;
import io.lazi.platform.events.Events;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.push.PushStarted;
import io.lazi.pricebook.category.push.PushStatus;

/**
 * Starts a push: one command per pushable item, recorded with the push and appended to the outbox in
 * the caller's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PushStarter {

	private static final Logger LOG = LoggerFactory.getLogger(PushStarter.class);

	private final PushRepository pushes;

	private final Outbox outbox;

	private final PushOutcomes outcomes;

	/** Pushes the pushable items, all of them or only {@code onlyStIds}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public PushStarted start(Tenant tenant, @Nullable Collection<Long> onlyStIds) {

		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var pushId = UUID.randomUUID();
		var candidates = pushes.lockPushable(tenant.id(), onlyStIds);
		outcomes.count(PushOutcomes.Outcome.CONFLICT, pushes.countConflicted(tenant.id(), onlyStIds));
		var creates = new HashSet<Long>();
		candidates.stream()
			.filter(c -> PushCommands.action(c.local()) == CommandAction.CREATE_CATEGORY)
			.forEach(c -> creates.add(c.node().stId()));
		var items = new ArrayList<PushItem>();
		var commands = new ArrayList<OutgoingEvent>();
		for (var stored : candidates) {
			var parent = PushCommands.neededParent(stored);
			var waitFor = parent != null && parent < 0 ? parent : null;
			if (waitFor != null && !creates.contains(waitFor)) {
				continue;
			}
			var commandId = UUID.randomUUID();
			items.add(new PushItem(commandId, pushId, stored.node().stId(), PushCommands.action(stored.local()),
					stored.local().pendingFields(), stored.local().localVersion(), waitFor,
					waitFor == null ? PushItem.SENT : PushItem.WAITING));
			if (waitFor == null) {
				commands.add(PushCommands.command(tenant.id(), pushId, commandId, stored));
			}
		}
		pushes.insertPush(tenant.id(), pushId, items.size(), now);
		pushes.insertItems(tenant.id(), items);
		outbox.appendAll(commands);
		if (items.isEmpty()) {
			pushes.finishIfDone(tenant.id(), pushId, now).ifPresent(p -> announce(p, tenant.id()));
		}
		LOG.info("Push {} of tenant {}: {} commands ({} waiting for a parent's create)", pushId, tenant.id(),
				items.size(), items.size() - commands.size());
		return new PushStarted(pushId, items.size());
	}

	/** {@code CategoriesPushed} on {@code sync.events}, once per push. */
	public void announce(PushStatus push, String tenantId) {

		var finished = push.finishedAt() == null ? Instant.now() : push.finishedAt();
		outbox.append(OutgoingEvent.of(Events.PRICEBOOK_CATEGORIES_PUSHED, push.pushId().toString(),
				new CategoriesPushed(tenantId, push.pushId(), push.count(), push.success(), push.failed(),
						push.startedAt(), finished, finished.toEpochMilli() - push.startedAt().toEpochMilli())));
	}
}
