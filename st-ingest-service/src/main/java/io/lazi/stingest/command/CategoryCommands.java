package io.lazi.stingest.command;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.CategoryWrite;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.StCommand;
import io.lazi.stingest.command.ImageUploads.ImageServiceException;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanException;
import io.lazi.stingest.servicetitan.ServiceTitanProperties;
import io.lazi.stingest.servicetitan.ServiceTitanWrites;

/**
 * Executes one command against ServiceTitan and says how it ended. A write naming an image upload
 * first copies the upload from image-service to ServiceTitan's {@code POST /images} and writes the
 * returned path as {@code image}. A create resumed after a crash first looks for the category its lost
 * POST made (same name, same parent, created since the first start minus the skew) and reuses it.
 * A write is never sent twice blindly: when its answer is lost (no answer, or a 5xx), ServiceTitan is
 * read first (the category for an update, whether it is gone for a delete, a same-named category created
 * since for a create) and the write is sent again only when it did not happen.
 * ServiceTitan failures past the retries leave as {@link ServiceTitanException}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryCommands {

	private static final Logger LOG = LoggerFactory.getLogger(CategoryCommands.class);

	private final ServiceTitanWrites writes;

	private final ImageUploads uploads;

	private final StAnswers answers;

	private final CommandProperties properties;

	private final ServiceTitanProperties serviceTitan;

	private final Clock clock = Clock.systemUTC();

	/**
	 * @param resumedFrom when a previous delivery started it and its outcome was never recorded; else {@code null}
	 */
	Result execute(StCommand command, @Nullable Instant resumedFrom, CallCounts counts) {

		var tenant = command.tenantId();
		var stId = command.stId();
		return switch (command.action()) {
			case UPDATE_CATEGORY -> withImage(command, counts, (image) -> {
				var fields = fields(write(command), image, false);
				return reconciled(command, resumedFrom, () -> answers.category(writes.updateCategory(tenant, stId, fields, counts), image),
						since -> updated(tenant, stId, fields, counts).map(found -> Result.succeeded(200, found, image)));
			});
			case CREATE_CATEGORY -> create(command, resumedFrom, counts);
			case DELETE_CATEGORY -> reconciled(command, resumedFrom, () -> {
				var reply = writes.deleteCategory(tenant, stId, counts);
				return reply.succeeded() ? Result.succeeded(reply.status(), null, null) : answers.refused(reply);
			}, since -> writes.category(tenant, stId, counts).status() == 404
					? Optional.of(Result.succeeded(204, null, null)) : Optional.empty());
			case PULL_CATEGORY -> answers.category(writes.category(tenant, stId, counts), null);
		};
	}

	/**
	 * Sends a write; when its outcome is unknown (no answer: I/O error or timeout, or a 5xx, after which
	 * ServiceTitan may or may not have applied it), reads ServiceTitan through {@code applied} before
	 * anything else: a write found applied succeeds without being sent again, one not applied is sent
	 * again, up to {@code max-attempts} sends with the client's back-off between them.
	 *
	 * A resumed update or delete (an earlier delivery sent it and its outcome was never recorded) reads first too.
	 *
	 * @param resumedFrom when an earlier delivery started the command; else {@code null}
	 * @param applied given the instant the unclear send started, the outcome when ServiceTitan shows the write
	 */
	private Result reconciled(StCommand command, @Nullable Instant resumedFrom, Supplier<Result> send,
			Function<Instant, Optional<Result>> applied) {

		if (resumedFrom != null) {
			var found = applied.apply(resumedFrom);
			if (found.isPresent()) {
				LOG.info("Command {} ({} {}) resumed: ServiceTitan shows the write applied; not sent again",
						command.commandId(), command.action(), command.stId());
				return found.get();
			}
		}
		for (var attempt = 1;; attempt++) {
			var started = clock.instant();
			try {
				return send.get();
			}
			catch (ServiceTitanException ex) {
				if (!outcomeUnknown(ex)) {
					throw ex;
				}
				var found = applied.apply(started);
				if (found.isPresent()) {
					LOG.info("Command {} ({} {}): ServiceTitan's answer was lost ({}), but it shows the write applied; "
							+ "not sent again", command.commandId(), command.action(), command.stId(), ex.getMessage());
					return found.get();
				}
				if (attempt >= serviceTitan.maxAttempts()) {
					throw ex;
				}
				LOG.info("Command {} ({} {}): ServiceTitan's answer was lost ({}) and it shows no such write; sending it "
						+ "again", command.commandId(), command.action(), command.stId(), ex.getMessage());
				pause(attempt);
			}
		}
	}

	/** No answer (I/O error, timeout) or a 5xx: ServiceTitan may have applied the write. */
	private static boolean outcomeUnknown(ServiceTitanException ex) {
		return ex.status() == 0 || ex.status() >= 500;
	}

	/** The category as ServiceTitan holds it when it carries every field of {@code fields}; else empty. */
	private Optional<StCategory> updated(String tenant, long stId, Map<String, Object> fields, CallCounts counts) {

		var reply = writes.category(tenant, stId, counts);
		if (!reply.succeeded()) {
			return Optional.empty();
		}
		var category = answers.category(reply);
		var current = new LinkedHashMap<String, @Nullable Object>();
		current.put("name", category.name());
		current.put("parentId", category.parentId());
		current.put("position", category.position());
		current.put("image", category.image());
		current.put("active", category.active());
		current.put("description", category.description());
		return fields.entrySet().stream().allMatch(field -> Objects.equals(
				normalised(current.get(field.getKey())), normalised(field.getValue()))) ? Optional.of(category) : Optional.empty();
	}

	private static @Nullable Object normalised(@Nullable Object value) {
		return value instanceof Number number ? (Object) number.longValue() : value;
	}

	private void pause(int attempt) {

		var backOff = serviceTitan.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
		try {
			Thread.sleep(backOff.compareTo(serviceTitan.maxBackoff()) > 0 ? serviceTitan.maxBackoff() : backOff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to send a write again", ex);
		}
	}

	private Result create(StCommand command, @Nullable Instant resumedFrom, CallCounts counts) {

		var write = write(command);
		if (resumedFrom != null && write.name() != null) {
			var earlier = createdEarlier(command.tenantId(), write, resumedFrom.minus(properties.createLookupSkew()), counts);
			if (earlier.isPresent()) {
				var found = earlier.get();
				return Result.succeeded(200, found, write.imageUploadId() == null ? null : found.image());
			}
		}
		return withImage(command, counts, (image) -> reconciled(command, null,
				() -> answers.category(writes.createCategory(command.tenantId(), fields(write, image, true), counts), image),
				since -> write.name() == null ? Optional.empty()
						: createdEarlier(command.tenantId(), write, since.minus(properties.createLookupSkew()), counts)
							.map(found -> Result.succeeded(200, found, image))));
	}

	/** The newest category named like the write under its parent (or among roots) created at or after {@code since}. */
	private Optional<StCategory> createdEarlier(String tenant, CategoryWrite write, Instant since, CallCounts counts) {

		var candidates = new ArrayList<StCategory>();
		if (write.parentId() != null) {
			var parent = writes.category(tenant, write.parentId(), counts);
			if (parent.succeeded()) {
				candidates.addAll(answers.category(parent).children());
			}
		}
		else {
			var hasMore = true;
			for (var page = 1; hasMore; page++) {
				var reply = writes.categoriesCreatedSince(tenant, since, page, counts);
				if (!reply.succeeded()) {
					break;
				}
				var roots = answers.categoryPage(reply);
				roots.data().stream().filter(root -> root.parentId() == null).forEach(candidates::add);
				hasMore = roots.hasMore() && !roots.data().isEmpty();
			}
		}
		return candidates.stream()
			.filter(category -> Objects.equals(category.name(), write.name()))
			.filter(category -> category.createdOn() != null && !category.createdOn().isBefore(since))
			.max(Comparator.comparing(StCategory::createdOn));
	}

	private Result withImage(StCommand command, CallCounts counts, Write then) {

		var write = write(command);
		var uploadId = write.imageUploadId();
		if (uploadId == null) {
			return then.send(write.image());
		}
		ImageUploads.Upload upload;
		try {
			var found = uploads.find(command.tenantId(), uploadId);
			if (found.isEmpty()) {
				return Result.failed(null, "image upload " + uploadId + " not found in image-service");
			}
			upload = found.get();
		}
		catch (ImageServiceException ex) {
			return Result.failed(null, ex.getMessage());
		}
		var reply = writes.uploadImage(command.tenantId(), upload.bytes(), upload.contentType(), upload.fileName(uploadId),
				counts);
		if (!reply.succeeded()) {
			var refused = answers.refused(reply);
			return Result.failed(refused.stStatus(), "ServiceTitan refused image upload " + uploadId + ": " + refused.error());
		}
		return then.send(answers.imagePath(reply));
	}

	/** The request body: only the fields the write sets, by ServiceTitan name; {@code image} replaced by an uploaded path. */
	static Map<String, Object> fields(CategoryWrite write, @Nullable String image, boolean create) {

		var fields = new LinkedHashMap<String, Object>();
		put(fields, "name", write.name());
		if (create) {
			put(fields, "categoryType", write.categoryType());
		}
		put(fields, "parentId", write.parentId());
		put(fields, "position", write.position());
		put(fields, "image", image);
		put(fields, "active", write.active());
		put(fields, "description", write.description());
		return fields;
	}

	private static void put(Map<String, Object> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static CategoryWrite write(StCommand command) {
		return Objects.requireNonNull(command.write(), "validated: updates and creates carry a write");
	}

	@FunctionalInterface
	private interface Write {

		Result send(@Nullable String image);
	}
}
