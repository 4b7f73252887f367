package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contact another CRM feature adds to an account (a lead's conversion): checked like a user's, see
 * {@link Contacts#create}. It becomes the account's primary contact when the account has none yet.
 *
 * @param accountId a live account of the tenant
 * @param name required, at most 200 characters
 */
public record NewContact(UUID accountId, String name, @Nullable String email, @Nullable String phone,
		@Nullable String role) {
}
