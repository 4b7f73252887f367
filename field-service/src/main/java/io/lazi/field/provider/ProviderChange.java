package io.lazi.field.provider;

import java.time.Instant;

/**
 * One provider switch of the audit trail.
 *
 * @param copied mirror records copied into Lazi-owned ones by a switch to {@code lazi}
 * @param changedBy the {@code sub} of the user who switched
 */
public record ProviderChange(String domain, String from, String to, int copied, String changedBy, Instant changedAt) {
}
