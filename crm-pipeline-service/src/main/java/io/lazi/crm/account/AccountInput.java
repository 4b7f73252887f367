package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as a user creates or replaces it ({@code POST}/{@code PUT /api/crm/accounts}): every editable field;
 * on a replace, a null optional field clears it.
 *
 * @param name required, at most 200 characters (like every text here but {@code email}, 254)
 * @param type {@code residential} (when null) or {@code commercial}
 * @param ownerId the owning user's {@code sub}; on create, null makes the creating user the owner
 * @param parentId another live account of the tenant, neither this one nor one below it
 */
public record AccountInput(@Nullable String name, @Nullable String type, @Nullable String industry,
		@Nullable String region, @Nullable String ownerId, @Nullable UUID parentId, @Nullable String email,
		@Nullable String phone, @Nullable String street, @Nullable String city, @Nullable String state,
		@Nullable String zip) {
}
