package io.lazi.pricebook.category.conflict;

import static io.lazi.pricebook.jooq.Tables.CATEGORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;
import io.lazi.pricebook.category.EditRefusedException;
import io.lazi.pricebook.category.conflict.internal.ConflictRepository;
import io.lazi.pricebook.category.internal.CategoryRows;
import io.lazi.pricebook.category.internal.CategoryTable;
import io.lazi.pricebook.category.internal.ChangeAnnouncer;
import io.lazi.pricebook.category.internal.RevertToSt;
import io.lazi.pricebook.category.internal.StoredNode;
import io.lazi.pricebook.listing.Timestamps;
import io.lazi.pricebook.category.tree.CategoryQueries;
import io.lazi.pricebook.category.tree.CategoryView;

/**
 * Conflicts between pending local changes and ServiceTitan, and their resolution. Nothing is resolved
 * without a user's strategy. Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CategoryConflicts {

	private final ConflictRepository conflicts;

	private final CategoryTable categories;

	private final CategoryRows rows;

	private final RevertToSt revert;

	private final CategoryQueries queries;

	private final ChangeAnnouncer announcer;

	/**
	 * Conflicts by status, newest first: {@code open}, {@code manual}, {@code resolved} or {@code all};
	 * {@code null} means open and manual.
	 *
	 * @throws InvalidInputException for another status (field {@code status})
	 */
	@Transactional(readOnly = true)
	public ConflictList list(Tenant tenant, @Nullable String status) {

		var statuses = switch (status == null ? "" : status.trim().toLowerCase(Locale.ROOT)) {
			case "" -> List.of(ConflictRepository.OPEN, ConflictRepository.MANUAL);
			case "all" -> List.of(ConflictRepository.OPEN, ConflictRepository.MANUAL, ConflictRepository.RESOLVED);
			case ConflictRepository.OPEN, ConflictRepository.MANUAL, ConflictRepository.RESOLVED -> List.of(status.trim()
				.toLowerCase(Locale.ROOT));
			default -> throw new InvalidInputException("status", "must be open, manual, resolved or all");
		};
		var items = conflicts.list(tenant, statuses);
		return new ConflictList(items.size(), items);
	}

	/** @throws ResourceNotFoundException when the tenant has no such conflict */
	@Transactional(readOnly = true)
	public CategoryConflict conflict(Tenant tenant, UUID id) {
		return conflicts.find(tenant, id).orElseThrow(() -> new ResourceNotFoundException("Conflict", id));
	}

	/**
	 * Resolves a conflict: {@code keep_st} drops the local change (an item ServiceTitan deleted is
	 * deactivated as a sync would), {@code keep_local} keeps it pending against ServiceTitan's current
	 * state so the next push overwrites ServiceTitan (an item ServiceTitan deleted becomes a pending
	 * create), {@code manual} flags it for later while it stays excluded from pushes.
	 *
	 * @throws InvalidInputException for another strategy (field {@code strategy})
	 * @throws ResourceNotFoundException when the tenant has no such conflict
	 * @throws EditRefusedException when it is already resolved
	 */
	@Transactional
	public Resolution resolve(Tenant tenant, UUID id, @Nullable String strategy) {

		var chosen = strategy == null ? "" : strategy.trim().toLowerCase(Locale.ROOT);
		if (!List.of("keep_st", "keep_local", "manual").contains(chosen)) {
			throw new InvalidInputException("strategy", "must be keep_st, keep_local or manual");
		}
		var conflict = conflicts.lock(tenant, id).orElseThrow(() -> new ResourceNotFoundException("Conflict", id));
		if (ConflictRepository.RESOLVED.equals(conflict.status())) {
			throw new EditRefusedException("Conflict " + id + " is already resolved");
		}
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var stored = rows.lock(tenant.id(), conflict.stId()).orElse(null);
		var stDeleted = ConflictRecorder.ST_DELETED_LOCAL_MODIFIED.equals(conflict.type());
		switch (chosen) {
			case "manual" -> conflicts.settle(tenant.id(), id, ConflictRepository.MANUAL, chosen, now);
			case "keep_st" -> {
				settle(tenant, id, conflict.stId(), chosen, now);
				if (stored != null) {
					revert.revert(tenant, stored);
					if (stDeleted) {
						announcer.announceGone(tenant.id(), categories.deactivateSubtree(tenant.id(), conflict.stId(), now));
					}
				}
			}
			default -> {
				settle(tenant, id, conflict.stId(), chosen, now);
				if (stored != null) {
					categories.update(tenant.id(), conflict.stId(), keepLocal(stored, stDeleted));
				}
			}
		}
		var item = stored == null ? null : queries.category(tenant, conflict.stId());
		return new Resolution(conflicts.find(tenant, id).orElseThrow(), item);
	}

	/**
	 * Resolves the item's unresolved conflict with {@code keep_st}: its local change was discarded.
	 * Runs in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void resolveDiscarded(Tenant tenant, UUID id, long stId) {
		settle(tenant, id, stId, "keep_st", OffsetDateTime.now(ZoneOffset.UTC));
	}

	/** Resolves the conflict with {@code strategy} and unlinks its item. */
	private void settle(Tenant tenant, UUID id, long stId, String strategy, OffsetDateTime now) {
		conflicts.settle(tenant.id(), id, ConflictRepository.RESOLVED, strategy, now);
		categories.unlinkConflict(tenant.id(), stId);
	}

	private static HashMap<Field<?>, Object> keepLocal(StoredNode stored, boolean stDeleted) {

		var values = new HashMap<Field<?>, Object>();
		values.put(CATEGORY.BASE_ST_MODIFIED_ON, Timestamps.offset(stored.node().modifiedOn()));
		values.put(CATEGORY.LOCAL_VERSION, stored.local().localVersion() + 1);
		if (stDeleted) {
			values.putAll(CategoryTable.recreateValues(stored));
		}
		return values;
	}

	/** {@code {count, items}}. */
	public record ConflictList(int count, List<CategoryConflict> items) {
	}

	/** The conflict after resolution and its item's view ({@code null} when the item no longer exists). */
	public record Resolution(CategoryConflict conflict, @Nullable CategoryView item) {
	}
}
