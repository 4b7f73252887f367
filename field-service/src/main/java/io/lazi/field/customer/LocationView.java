package io.lazi.field.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.lazi.field.record.Stored;
import io.lazi.platform.events.StAddress;
import io.lazi.platform.events.StLocation;

/** A customer's location, where the work is done ({@code Crm.V2.Locations.LocationResponse}). */
public record LocationView(long id, String source, long customerId, @Nullable String name, @Nullable StAddress address,
		boolean active, @Nullable Instant modifiedOn) {

	static LocationView of(Stored<StLocation> stored) {
		var l = stored.record();
		return new LocationView(l.id(), stored.source().wire(), l.customerId(), l.name(), l.address(), l.active(),
				l.modifiedOn());
	}
}
