package io.lazi.stingest.sync;

import java.time.Duration;

/**
 * An st-ingest instance as the owner of the runs it pulls.
 *
 * @param instanceId its unique name, stored in {@code sync_run.owner}
 * @param lease how long one renewal keeps a run its own
 */
record RunOwner(String instanceId, Duration lease) {
}
