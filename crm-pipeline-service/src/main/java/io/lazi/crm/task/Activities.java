package io.lazi.crm.task;

import java.util.Objects;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.jooq.tables.records.ActivityRecord;
import io.lazi.crm.record.Actor;
import io.lazi.crm.record.RecordType;
import io.lazi.crm.record.RelatedRecords;
import io.lazi.crm.record.Times;
import io.lazi.crm.record.Versions;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Page;
import io.lazi.platform.web.PageRequest;
import io.lazi.platform.web.PreconditionFailedException;
import io.lazi.platform.web.ResourceNotFoundException;
import io.lazi.platform.web.Tenant;

/**
 * The calls, emails, meetings and notes logged against the tenant's records: logged, read, listed, replaced and
 * deleted (hard). An activity captured from a message (its {@code externalMessageId}) exists once per tenant.
 * Thread-safe.
 *
 * <p>Errors: bad input {@link InvalidInputException} (400 naming the field), another tenant's or an unknown activity
 * {@link ResourceNotFoundException} (404), a stale {@code If-Match} version {@link PreconditionFailedException} (412),
 * a message logged before {@link DuplicateMessage} (409).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Activities {

	private final ActivityRepository repository;

	private final RelatedRecords records;

	/**
	 * Logs the activity as written by {@code author}, at its {@code occurredAt} or now.
	 *
	 * @throws DuplicateMessage when the tenant already has an activity with its {@code externalMessageId}; nothing
	 *         is created
	 */
	public ActivityView create(Tenant tenant, ActivityInput input, Actor author) {

		var spec = ActivitySpec.of(input, tenant.id(), records);
		// A refused insert whose twin is gone by the time it is looked up (deleted meanwhile) is simply tried again.
		for (var attempt = 0; attempt < 3; attempt++) {
			var activity = repository.insert(tenant.id(), UUID.randomUUID(), spec, author.id(), Times.now());
			if (activity != null) {
				return ActivityView.of(activity);
			}
			var messageId = Objects.requireNonNull(spec.externalMessageId());
			var existing = repository.idOf(tenant.id(), messageId);
			if (existing != null) {
				throw new DuplicateMessage(existing, messageId);
			}
		}
		throw new IllegalStateException("Activity of message " + spec.externalMessageId() + " neither inserted nor found");
	}

	/** The activity. */
	@Transactional(readOnly = true)
	public ActivityView get(Tenant tenant, UUID id) {
		return ActivityView.of(existing(repository.find(tenant.id(), id), id));
	}

	/**
	 * The activities {@code filter} keeps, in its order (by default most recent {@code occurredAt} first).
	 *
	 * @throws InvalidInputException naming {@code type}, {@code relatedType}, {@code relatedId} or {@code sort}
	 */
	@Transactional(readOnly = true)
	public Page<ActivityView> list(Tenant tenant, ActivityFilter filter, Actor actor, PageRequest page) {

		var condition = ActivityRepository.matching(checked(filter, actor));
		var total = repository.count(tenant.id(), condition);
		var items = repository.list(tenant.id(), condition, filter.sort(), page)
			.stream()
			.map(ActivityView::of)
			.toList();
		return Page.of(items, page, total);
	}

	/**
	 * Replaces the activity's editable fields; its {@code externalMessageId} and author stay.
	 *
	 * @param expected the version {@code If-Match} named, or null
	 */
	public ActivityView update(Tenant tenant, UUID id, ActivityInput input, @Nullable Integer expected) {

		var spec = ActivitySpec.of(input, tenant.id(), records);
		var activity = repository.update(tenant.id(), id, expected, spec, Times.now());
		if (activity == null) {
			throw stale(id, existing(repository.find(tenant.id(), id), id).getVersion());
		}
		return ActivityView.of(activity);
	}

	/**
	 * Deletes the activity for good.
	 *
	 * @param expected the version {@code If-Match} named, or null
	 */
	public void delete(Tenant tenant, UUID id, @Nullable Integer expected) {

		if (!repository.delete(tenant.id(), id, expected)) {
			throw stale(id, existing(repository.find(tenant.id(), id), id).getVersion());
		}
	}

	private static ActivityFilter checked(ActivityFilter filter, Actor actor) {

		var type = filter.type() == null ? null : Inputs.oneOf(filter.type(), "type", ActivitySpec.TYPES, null);
		var relatedType = filter.relatedType() == null ? null
				: RecordType.parse(filter.relatedType(), "relatedType").wire();
		if ((relatedType == null) != (filter.relatedId() == null)) {
			throw new InvalidInputException(relatedType == null ? "relatedType" : "relatedId",
					"relatedType and relatedId go together");
		}
		var author = TaskSpec.ME.equals(filter.authorId()) ? actor.id() : filter.authorId();
		return new ActivityFilter(relatedType, filter.relatedId(), type, author, filter.sort());
	}

	private static ActivityRecord existing(@Nullable ActivityRecord activity, UUID id) {
		if (activity == null) {
			throw new ResourceNotFoundException("Activity", id);
		}
		return activity;
	}

	/** The change matched no row although the activity exists: it is at another version than the one asked for. */
	private static PreconditionFailedException stale(UUID id, int current) {
		return new PreconditionFailedException("Activity " + id, Versions.etag(current));
	}


	/**
	 * An activity of the same message was logged before: answers 409 with its id.
	 */
	public static class DuplicateMessage extends RuntimeException {

		private final UUID existingId;

		DuplicateMessage(UUID existingId, String externalMessageId) {
			super("an activity of message " + externalMessageId + " exists already: " + existingId);
			this.existingId = existingId;
		}

		/** The activity logged before. */
		public UUID existingId() {
			return existingId;
		}
	}
}
