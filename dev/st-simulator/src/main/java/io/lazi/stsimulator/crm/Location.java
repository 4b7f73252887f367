package io.lazi.stsimulator.crm;

import java.time.Instant;
import java.util.List;

/**
 * ServiceTitan's {@code Crm.V2.Locations.LocationResponse}: a place where work is done for a customer.
 */
public record Location(long id, long customerId, boolean active, String name, Customer.Address address,
		List<CustomField> customFields, Instant createdOn, long createdById, Instant modifiedOn, boolean taxExempt,
		List<Long> tagTypeIds, List<ExternalData> externalData) implements CrmRecord {

	/** The customer's home: an active location at the customer's address, created and modified with it. */
	public static Location home(long id, Customer customer) {
		return new Location(id, customer.id(), true, "Home", customer.address(), List.of(), customer.createdOn(), 1L,
				customer.modifiedOn(), false, List.of(), List.of());
	}

	/** A location created with its customer through {@code Customers_Create} at {@code now}. */
	public static Location created(long id, long customerId, NewCustomer.NewLocation request, Instant now) {
		return new Location(id, customerId, true, request.name(), request.address(), request.customFields(), now, 1L, now,
				false, request.tagTypeIds(), request.externalData());
	}
}
