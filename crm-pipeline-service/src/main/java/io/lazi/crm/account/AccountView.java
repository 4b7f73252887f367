package io.lazi.crm.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account: a household ({@code residential}) or a business ({@code commercial}).
 *
 * @param parentId the account above it in the hierarchy, if any
 * @param stCustomerId the ServiceTitan customer it is kept from; null for accounts opened in Lazi
 * @param source {@code servicetitan} or {@code lazi}
 * @param version the optimistic lock, the ETag's value: 1 when created, +1 per change
 * @param contacts only when one account is read: its first 50 live contacts, the primary first, then by name
 */
public record AccountView(UUID id, String name, String type, @Nullable String industry, @Nullable String region,
		@Nullable String ownerId, @Nullable UUID parentId, @Nullable Long stCustomerId, @Nullable String email,
		@Nullable String phone, @Nullable String street, @Nullable String city, @Nullable String state,
		@Nullable String zip, String source, int version, String createdBy, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<ContactView> contacts) {

	AccountView withContacts(List<ContactView> list) {
		return new AccountView(id, name, type, industry, region, ownerId, parentId, stCustomerId, email, phone, street,
				city, state, zip, source, version, createdBy, createdAt, updatedAt, list);
	}
}
