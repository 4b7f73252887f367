package io.lazi.crm.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a record's timeline.
 *
 * @param kind {@code activity}, {@code task}, {@code stage-move} or {@code servicetitan}
 * @param at when it happened: an activity's {@code occurredAt}; a task's completion, else its creation; a stage
 *        move's time; a ServiceTitan job's creation, an appointment's or a sold or dismissed estimate's last change
 * @param title one line, e.g. {@code Proposal Sent → Job Sold} or {@code Job 4711 created}
 * @param detail more, or null: an activity's body (first 500 characters), a move's reason and trigger, a job's status
 * @param refType what {@code refId} names: {@code activity}, {@code task}, {@code opportunity} (a stage move's), or
 *        the ServiceTitan record: {@code job}, {@code appointment}, {@code estimate}
 * @param refId the id of that record (a UUID, or ServiceTitan's number)
 * @param actor who did it: a user's {@code sub}, {@code pipeline} for the rules' stage moves, {@code servicetitan}
 */
public record TimelineEntry(String kind, Instant at, String title, @Nullable String detail, String refType,
		String refId, String actor) {
}
