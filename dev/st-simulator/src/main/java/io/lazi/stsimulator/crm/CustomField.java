package io.lazi.stsimulator.crm;

import org.jspecify.annotations.Nullable;

/**
 * A custom field value on a customer, location or job: {@code Crm.V2.Customers.CustomFieldModel} (name and value
 * nullable) and {@code CustomFieldApiModel} on jobs (both required, so jobs get a name and an empty value).
 */
public record CustomField(long typeId, @Nullable String name, @Nullable String value) {

	/** A field set through the API, which names it by type id only: the job shape needs a name, so it gets one. */
	public static CustomField ofJob(long typeId, @Nullable String value) {
		return new CustomField(typeId, "Custom field " + typeId, value == null ? "" : value);
	}
}
