package io.lazi.stingest.command;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.CommandOutcome;
import io.lazi.platform.events.StCategory;

/**
 * How one command ended, before counts and times are added.
 *
 * @param stStatus ServiceTitan's HTTP status of the decisive call, {@code null} when none was reached
 */
record Result(CommandOutcome outcome, @Nullable Integer stStatus, @Nullable String error, @Nullable StCategory category,
		@Nullable String imagePath) {

	static Result succeeded(int status, @Nullable StCategory category, @Nullable String imagePath) {
		return new Result(CommandOutcome.SUCCEEDED, status, null, category, imagePath);
	}

	static Result notFound(int status, @Nullable String error) {
		return new Result(CommandOutcome.NOT_FOUND, status, error, null, null);
	}

	static Result failed(@Nullable Integer status, String error) {
		return new Result(CommandOutcome.FAILED, status, error, null, null);
	}
}
