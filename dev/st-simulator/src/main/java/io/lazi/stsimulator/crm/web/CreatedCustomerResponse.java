package io.lazi.stsimulator.crm.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.lazi.stsimulator.crm.Contact;
import io.lazi.stsimulator.crm.CrmWrites;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.Location;
import io.lazi.stsimulator.crm.LocationContact;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Crm.V2.Customers.CreatedCustomerResponse}: the customer as {@code Customers_Get} shows it,
 * plus its locations ({@code Crm.V2.Locations.CreateLocationResponse}, each with its contacts) and its contacts
 * ({@code Crm.V2.Customers.CustomerContact}).
 */
record CreatedCustomerResponse(@JsonUnwrapped Customer customer, List<CreatedLocation> locations,
		List<ContactItem> contacts) {

	static CreatedCustomerResponse of(CrmWrites.CreatedCustomer created) {
		return new CreatedCustomerResponse(created.customer(),
				created.locations().stream()
					.map(location -> new CreatedLocation(location.location(),
							location.contacts().stream().map(ContactItem::of).toList()))
					.toList(),
				created.contacts().stream().map(ContactItem::of).toList());
	}

	/** {@code Crm.V2.Locations.CreateLocationResponse}. */
	record CreatedLocation(@JsonUnwrapped Location location, List<ContactItem> contacts) {
	}

	/** {@code Crm.V2.Customers.CustomerContact} and {@code Crm.V2.Locations.LocationContact}. */
	record ContactItem(long id, String type, String value, @Nullable String memo) {

		static ContactItem of(Contact contact) {
			return new ContactItem(contact.id(), contact.type(), contact.value(), contact.memo());
		}

		static ContactItem of(LocationContact contact) {
			return new ContactItem(contact.id(), contact.type(), contact.value(), contact.memo());
		}
	}
}
