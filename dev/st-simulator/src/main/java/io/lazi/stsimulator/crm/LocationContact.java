package io.lazi.stsimulator.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A contact of a location ({@code Crm.V2.Locations.LocationContact}), as {@code Customers_Create} takes them with
 * a new customer's locations. Kept so their ids stay taken; no endpoint lists them yet.
 */
public record LocationContact(long id, long locationId, String type, String value, @Nullable String memo,
		Instant createdOn, Instant modifiedOn) implements CrmRecord {

	@Override
	public boolean active() {
		return true;
	}
}
