package io.lazi.pricebook.category.push;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A push and how far it got.
 *
 * @param status {@code running} until every command has an outcome, then {@code finished}
 * @param count commands sent
 * @param success commands ServiceTitan accepted (a delete of an item already gone counts)
 * @param failed commands that failed; their items stay pending with the error
 */
public record PushStatus(UUID pushId, String status, int count, int success, int failed, Instant startedAt,
		@Nullable Instant finishedAt) {

	/** A push row with its outcome counts; finished once {@code finishedAt} is set. */
	public static PushStatus of(UUID pushId, int count, int success, int failed, @Nullable Instant startedAt,
			@Nullable Instant finishedAt) {
		return new PushStatus(pushId, finishedAt == null ? "running" : "finished", count, success, failed,
				Objects.requireNonNull(startedAt), finishedAt);
	}
}
