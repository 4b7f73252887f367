package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contact as a user creates or replaces it ({@code POST}/{@code PUT /api/crm/contacts}); on a replace, a null
 * optional field clears it.
 *
 * @param accountId the account the person belongs to: required on create; on replace, null keeps the current one
 * @param name required unless {@code firstName} or {@code lastName} is given (then they are joined); at most 200
 *        characters, like {@code firstName}, {@code lastName} and {@code role}
 * @param primary whether this is the account's primary contact: true demotes the account's other one; null keeps it
 *        (on create: primary when the account has no primary contact yet)
 */
public record ContactInput(@Nullable UUID accountId, @Nullable String firstName, @Nullable String lastName,
		@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String role,
		@Nullable Boolean primary) {
}
