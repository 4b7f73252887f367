package io.lazi.stingest.pricebook;

/**
 * Published in-process (a Spring application event, not Kafka) after a {@code pricebook.categories}
 * run completed and its {@code SyncCompleted} was committed, so follow-up pulls (SKUs) can start.
 *
 * @param run the completed run
 */
public record CategoriesRunCompleted(SyncRun run) {
}
