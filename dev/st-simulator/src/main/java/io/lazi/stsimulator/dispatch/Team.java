package io.lazi.stsimulator.dispatch;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Dispatch.V2.TeamResponse}: a named group of technicians (technicians name their team).
 */
public record Team(long id, boolean active, String name, @Nullable Long createdBy, Instant createdOn,
		Instant modifiedOn) implements CrewRecord {
}
