package io.lazi.stsimulator.crm;

import java.time.Instant;

/**
 * Published when {@link CrmCatalog#reset()} has replaced every tenant's CRM data by the seed data.
 *
 * @param seededAt the instant the seed data is relative to
 */
public record CrmSeeded(Instant seededAt) {
}
