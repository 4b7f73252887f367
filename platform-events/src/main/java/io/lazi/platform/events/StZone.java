package io.lazi.platform.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ServiceTitan dispatch zone ({@code GET /dispatch/v2/tenant/{tenant}/zones}, {@code Dispatch.V2.ZoneResponse}).
 *
 * @param zips postal codes the zone covers
 * @param businessUnits ids of the business units serving the zone
 * @param technicians ids of the technicians working the zone
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StZone(long id, @Nullable String name, boolean active, @Nullable List<String> zips,
		@Nullable List<String> cities, @Nullable List<Long> businessUnits, @Nullable List<Long> technicians,
		@Nullable Instant createdOn, @Nullable Instant modifiedOn) {
}
