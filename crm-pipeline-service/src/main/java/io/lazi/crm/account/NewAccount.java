package io.lazi.crm.account;

import org.jspecify.annotations.Nullable;

/**
 * An account another CRM feature opens (a lead's conversion): checked like a user's, see {@link Accounts#create}.
 *
 * @param name required, at most 200 characters
 * @param type {@code residential} or {@code commercial}; blank means residential
 * @param ownerId the owning user's {@code sub}; null makes the acting user the owner
 */
public record NewAccount(String name, String type, @Nullable String email, @Nullable String phone,
		@Nullable String street, @Nullable String city, @Nullable String state, @Nullable String zip,
		@Nullable String ownerId) {
}
