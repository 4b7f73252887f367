package io.lazi.pricebook.category.internal;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CategoryChanged;
import io.lazi.platform.events.EventType;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * Announces node changes on {@code pricebook.changed}, keyed {@code {tenantId}:{stId}}, through the
 * outbox: they commit with the change in the caller's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ChangeAnnouncer {

	private final CategoryRows rows;

	private final Outbox outbox;

	/** Announces one change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announce(String tenantId, CategoryChange change) {
		outbox.append(event(tenantId, change));
	}

	/** Announces changes in their order. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announce(String tenantId, List<CategoryChange> changes) {
		outbox.appendAll(changes.stream().map(change -> event(tenantId, change)).toList());
	}

	/** Announces the item as it is stored now, as a {@code type} change of {@code fields}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announceStored(String tenantId, long stId, EventType<CategoryChanged> type, List<String> fields) {

		var stored = rows.lock(tenantId, stId).orElseThrow();
		announce(tenantId, new CategoryChange(stored.node(), type, List.copyOf(fields)));
	}

	/** Announces nodes deactivated because they disappeared from ServiceTitan; returns the changes. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<CategoryChange> announceGone(String tenantId, List<CategoryNode> deactivated) {

		var gone = deactivated.stream().map(CategoryChange::disappeared).toList();
		announce(tenantId, gone);
		return gone;
	}

	/** Announces the moved subtree: every node of {@code after} whose announced fields differ from {@code before}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announceMove(String tenantId, List<CategoryNode> before, List<CategoryNode> after) {
		announce(tenantId, CategoryChange.subtreeChanges(before, after));
	}

	private static OutgoingEvent event(String tenantId, CategoryChange change) {

		var node = change.node();
		var payload = new CategoryChanged(tenantId, node.stId(), node.parentStId(), node.depth(), node.path(),
				node.name(), node.imagePath(), node.position(), node.active(), change.changes());
		return OutgoingEvent.of(change.type(), Long.toString(node.stId()), payload);
	}
}
