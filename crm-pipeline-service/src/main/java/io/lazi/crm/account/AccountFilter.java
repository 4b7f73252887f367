package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an account listing is narrowed to; null means any.
 *
 * @param q words each matching the start of a word of the name, email, phone digits, city or industry
 * @param type {@code residential} or {@code commercial}
 */
public record AccountFilter(@Nullable String q, @Nullable String type, @Nullable String ownerId,
		@Nullable UUID parentId, @Nullable Long stCustomerId) {
}
