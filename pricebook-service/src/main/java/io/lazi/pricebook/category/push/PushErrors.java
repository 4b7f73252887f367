package io.lazi.pricebook.category.push;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.events.CommandAction;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.EditRefusedException;
import io.lazi.pricebook.category.internal.CategoryNode;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.LocalState;
import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.category.push.internal.PushErrorRepository;
import io.lazi.pricebook.category.push.internal.PushStarter;

/** Failed pushes and their automatic repair. Thread-safe. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PushErrors {

	private final PushErrorRepository errors;

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final PushStarter starter;

	private final ChangeAnnouncer announcer;

	/** Pending items whose last push failed, with what auto-fix would do. */
	@Transactional(readOnly = true)
	public List<PushFailure> failures(Tenant tenant) {
		return errors.failures(tenant);
	}

	/**
	 * Repairs what can be repaired and pushes the item again: reparents it under the nearest ancestor
	 * ServiceTitan still has, turns an update of an item deleted in ServiceTitan into a create, drops a
	 * missing image, or simply retries a transient failure.
	 *
	 * @throws ResourceNotFoundException when the tenant has no such failure (or it is no longer the last)
	 * @throws EditRefusedException when it cannot be fixed automatically
	 */
	@Transactional
	public AutoFixResult autoFix(Tenant tenant, UUID id) {

		var failure = errors.failure(tenant, id).orElseThrow(() -> new ResourceNotFoundException("Push error", id));
		if (failure.fix() == null) {
			throw new EditRefusedException("Category " + failure.stId() + " cannot be fixed automatically: "
					+ failure.message() + "; edit it or discard the change");
		}
		var stored = rows.lock(tenant.id(), failure.stId()).orElseThrow();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var values = new HashMap<Field<?>, Object>(CategoryTable.errorValues(null, null, null, null, null));
		var detail = switch (failure.fix()) {
			case PushFailure.REPARENT -> reparent(tenant, stored, failure, now);
			case PushFailure.RECREATE -> {
				values.putAll(CategoryTable.recreateValues(stored));
				yield "ServiceTitan deleted it; it is created again with the local values";
			}
			case PushFailure.DROP_IMAGE -> {
				values.put(CATEGORY.OVERRIDE_IMAGE_UPLOAD_ID, null);
				values.put(CATEGORY.PENDING_FIELDS, stored.local()
					.pendingFields()
					.stream()
					.filter(f -> !LocalState.IMAGE.equals(f))
					.toArray(String[]::new));
				yield "the image upload is missing; the image override was dropped and the rest pushed again";
			}
			default -> "pushed again after a transient failure";
		};
		categories.update(tenant.id(), failure.stId(), values);
		var after = rows.lock(tenant.id(), failure.stId()).orElseThrow();
		var started = after.local().pending() ? Optional.of(starter.start(tenant, withLocalAncestors(after)))
				: Optional.<PushStarted>empty();
		return new AutoFixResult(failure.fix(), detail, started.map(PushStarted::pushId).orElse(null));
	}

	private String reparent(Tenant tenant, StoredNode stored, PushFailure failure, OffsetDateTime now) {

		var node = stored.node();
		var labels = Arrays.asList(node.path().split("\\."));
		for (var i = labels.size() - 3; i >= 0; i--) {
			var candidate = rows.lock(tenant.id(), Long.parseLong(labels.get(i)))
				.filter(c -> c.node().stId() > 0 && c.node().active())
				.filter(c -> !LocalState.DELETED.equals(c.local().localStatus()));
			if (candidate.isPresent()) {
				var before = rows.subtree(tenant.id(), node.stId());
				categories.move(tenant.id(), node, candidate.get().node(), now);
				categories.renumber(tenant.id(), candidate.get().node().stId(), node.stId(), node.position(), now);
				announceMove(tenant, node.stId(), before);
				return "its parent " + node.parentStId() + " is gone from ServiceTitan; moved under "
						+ candidate.get().node().stId() + " and pushed again";
			}
		}
		if (failure.action() != CommandAction.CREATE_CATEGORY) {
			throw new EditRefusedException("Category " + node.stId()
					+ " has no ancestor left in ServiceTitan and an existing category cannot be made a root by a push");
		}
		var before = rows.subtree(tenant.id(), node.stId());
		var root = new HashMap<Field<?>, Object>();
		root.put(CATEGORY.PARENT_ST_ID, null);
		categories.update(tenant.id(), node.stId(), root);
		categories.rebuildPaths(tenant.id());
		announceMove(tenant, node.stId(), before);
		return "no ancestor is left in ServiceTitan; it is created as a root";
	}

	private void announceMove(Tenant tenant, long stId, List<CategoryNode> before) {
		announcer.announceMove(tenant.id(), before, rows.subtree(tenant.id(), stId));
	}

	/** The item and its ancestors that are local creates too, which must be pushed first. */
	private static List<Long> withLocalAncestors(StoredNode stored) {

		var ids = new ArrayList<Long>();
		for (var label : stored.node().path().split("\\.")) {
			var id = Long.parseLong(label);
			if (id < 0 || id == stored.node().stId()) {
				ids.add(id);
			}
		}
		return ids;
	}
}
