package io.lazi.crm.account;

import org.jspecify.annotations.Nullable;

/** One ServiceTitan location (where work is done) of a contact's customer. */
public record LocationView(long stId, @Nullable String name, @Nullable String street, @Nullable String city,
		@Nullable String state, @Nullable String zip, boolean active) {
}
