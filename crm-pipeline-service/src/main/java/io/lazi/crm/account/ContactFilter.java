package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a contact listing is narrowed to; null means any.
 *
 * @param q words each matching the start of a word of the name, email, phone digits or role; or text contained in
 *        the name or email; or 3+ digits contained in the phone number
 */
public record ContactFilter(@Nullable String q, @Nullable UUID accountId, @Nullable Long stCustomerId) {
}
