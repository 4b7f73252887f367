package io.lazi.stsimulator.crm.web;

import java.time.Instant;

import io.lazi.stsimulator.crm.Contact;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Crm.V2.Customers.CustomerContactWithModifiedOnResponse}: a contact without its customer id.
 */
record ContactResponse(long id, String type, String value, @Nullable String memo, Contact.PhoneSettings phoneSettings,
		Instant createdOn, Instant modifiedOn) {

	static ContactResponse of(Contact contact) {
		return new ContactResponse(contact.id(), contact.type(), contact.value(), contact.memo(),
				contact.phoneSettings(), contact.createdOn(), contact.modifiedOn());
	}
}
