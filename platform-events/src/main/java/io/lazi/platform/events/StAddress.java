package io.lazi.platform.events;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A ServiceTitan address ({@code Crm.V2.Customers.CustomerAddress}); field names are ServiceTitan's. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StAddress(@Nullable String street, @Nullable String unit, @Nullable String city, @Nullable String state,
		@Nullable String zip, @Nullable String country) {
}
