package io.lazi.platform.events;

/** How ServiceTitan answered an {@link StCommand}. */
public enum CommandOutcome {

	/** ServiceTitan accepted the write (or, for a pull, returned the category). */
	SUCCEEDED,

	/** The category does not exist in ServiceTitan (404); for a delete this counts as done. */
	NOT_FOUND,

	/** ServiceTitan refused the write or kept failing after retries; {@code error} says why. */
	FAILED
}
