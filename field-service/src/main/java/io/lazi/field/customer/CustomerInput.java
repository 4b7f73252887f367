package io.lazi.field.customer;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StAddress;

/**
 * The body of a customer's create or update; on update a null field is left as it is.
 *
 * @param name 1..200 characters; required to create
 * @param type {@code Residential} (the default on create) or {@code Commercial}
 * @param address also the address of the first location a create makes
 * @param phone a phone contact to add (Lazi-owned records only)
 * @param email an email contact to add (Lazi-owned records only)
 */
public record CustomerInput(@Nullable String name, @Nullable String type, @Nullable StAddress address,
		@Nullable String phone, @Nullable String email) {
}
