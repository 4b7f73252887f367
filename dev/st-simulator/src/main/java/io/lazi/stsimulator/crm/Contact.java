package io.lazi.stsimulator.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Crm.V2.Customers.CustomerContactWithModifiedOnResponse} plus the owning
 * customer, which the per-customer endpoint leaves out and the export includes.
 *
 * @param type {@code Phone}, {@code Email}, {@code Fax} or {@code MobilePhone}
 */
public record Contact(long id, long customerId, String type, String value, @Nullable String memo,
		PhoneSettings phoneSettings, Instant createdOn, Instant modifiedOn) implements CrmRecord {

	/** {@code Crm.V2.Customers.PhoneSettings}. */
	public record PhoneSettings(String phoneNumber, boolean doNotText) {
	}

	@Override
	public boolean active() {
		return true;
	}

	/** This contact with a new value (and memo), edited at {@code now}; its customer is not touched. */
	public Contact edited(String newValue, @Nullable String newMemo, Instant now) {
		var settings = "Email".equals(type) ? phoneSettings : new PhoneSettings(newValue, phoneSettings.doNotText());
		return new Contact(id, customerId, type, newValue, newMemo, settings, createdOn, now);
	}

	/** A contact created through the API: phone settings from the number, blank for an email. */
	public static Contact of(long id, long customerId, String type, String value, @Nullable String memo, Instant at) {

		var settings = "Email".equals(type) ? new PhoneSettings("", true) : new PhoneSettings(value, false);
		return new Contact(id, customerId, type, value, memo, settings, at, at);
	}

	/** A phone contact. */
	public static Contact phone(long id, long customerId, String number, Instant at) {
		return new Contact(id, customerId, "Phone", number, null, new PhoneSettings(number, false), at, at);
	}

	/** An email contact (ServiceTitan requires phone settings on every contact; they are blank here). */
	public static Contact email(long id, long customerId, String address, Instant at) {
		return new Contact(id, customerId, "Email", address, null, new PhoneSettings("", true), at, at);
	}
}
