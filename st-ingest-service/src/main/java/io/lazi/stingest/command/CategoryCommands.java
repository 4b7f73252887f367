package io.lazi.stingest.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.CategoryWrite;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.StCommand;
import io.lazi.stingest.command.ImageUploads.ImageServiceException;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanException;
import io.lazi.stingest.servicetitan.ServiceTitanWrites;

/**
 * Executes one command against ServiceTitan and says how it ended. A write naming an image upload
 * first copies the upload from image-service to ServiceTitan's {@code POST /images} and writes the
 * returned path as {@code image}. A create resumed after a crash first looks for the category its lost
 * POST made (same name, same parent, created since the first start minus the skew) and reuses it.
 * ServiceTitan failures past the retries leave as {@link ServiceTitanException}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CategoryCommands {

	private final ServiceTitanWrites writes;

	private final ImageUploads uploads;

	private final StAnswers answers;

	private final CommandProperties properties;

	/**
	 * @param resumedFrom when a previous delivery started it and its outcome was never recorded; else {@code null}
	 */
	Result execute(StCommand command, @Nullable Instant resumedFrom, CallCounts counts) {

		var tenant = command.tenantId();
		return switch (command.action()) {
			case UPDATE_CATEGORY -> withImage(command, counts, (image) -> answers.category(
					writes.updateCategory(tenant, command.stId(), fields(write(command), image, false), counts), image));
			case CREATE_CATEGORY -> create(command, resumedFrom, counts);
			case DELETE_CATEGORY -> {
				var reply = writes.deleteCategory(tenant, command.stId(), counts);
				yield reply.succeeded() ? Result.succeeded(reply.status(), null, null) : answers.refused(reply);
			}
			case PULL_CATEGORY -> answers.category(writes.category(tenant, command.stId(), counts), null);
		};
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
		return withImage(command, counts, (image) -> answers.category(
				writes.createCategory(command.tenantId(), fields(write, image, true), counts), image));
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
