package io.lazi.stsimulator.crm.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.lazi.stsimulator.crm.Contact;

/**
 * ServiceTitan's {@code Crm.V2.Customers.CustomerContactWithModifiedOnAndCustomerIdResponse}: a contact
 * with its customer's id, as {@code Customers_GetModifiedContactsList} answers it.
 */
record ModifiedContactResponse(long id, String type, String value, @Nullable String memo,
		Contact.PhoneSettings phoneSettings, Instant createdOn, Instant modifiedOn, long customerId) {

	static ModifiedContactResponse of(Contact contact) {
		return new ModifiedContactResponse(contact.id(), contact.type(), contact.value(), contact.memo(),
				contact.phoneSettings(), contact.createdOn(), contact.modifiedOn(), contact.customerId());
	}
}
