package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * ServiceTitan's {@code Crm.V2.Customers.CustomerResponse}. Phones and emails are not part of it:
 * they are {@link Contact}s served by the contacts endpoints.
 *
 * @param type {@code Residential} or {@code Commercial}
 */
public record Customer(long id, boolean active, String name, String type, Address address, List<Object> customFields,
		BigDecimal balance, boolean taxExempt, List<Long> tagTypeIds, boolean doNotMail, boolean doNotService,
		boolean nationalAccount, Instant createdOn, long createdById, Instant modifiedOn, List<Object> externalData)
		implements CrmRecord {

	/** {@code Crm.V2.Customers.CustomerAddress}. */
	public record Address(String street, String city, String state, String zip, String country) {
	}

	/** A residential, active customer with empty lists and flags off. */
	public static Customer residential(long id, String name, Address address, Instant createdOn, Instant modifiedOn) {
		return new Customer(id, true, name, "Residential", address, List.of(), BigDecimal.ZERO, false, List.of(), false,
				false, false, createdOn, 1L, modifiedOn, List.of());
	}

	/** This customer under a new name, modified at {@code now}. */
	public Customer renamed(String newName, Instant now) {
		return new Customer(id, active, newName, type, address, customFields, balance, taxExempt, tagTypeIds, doNotMail,
				doNotService, nationalAccount, createdOn, createdById, now, externalData);
	}
}
