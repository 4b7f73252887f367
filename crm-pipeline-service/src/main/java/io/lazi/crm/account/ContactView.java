package io.lazi.crm.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person at an account. The primary contact of a ServiceTitan customer's account ({@code source}
 * {@code servicetitan}, {@code stCustomerId} set) carries the customer's name, email and phone; its address,
 * {@code active} and {@code locations} are the customer's ServiceTitan facts. Contacts added in Lazi have no address,
 * are active and have no locations.
 *
 * @param stCustomerId the ServiceTitan customer this is the primary contact of; null for contacts added in Lazi
 * @param primary whether this is its account's primary contact
 * @param locations the customer's ServiceTitan locations, in id order; empty until they arrive
 * @param source {@code servicetitan} or {@code lazi}
 * @param version the optimistic lock, the ETag's value
 */
public record ContactView(UUID id, UUID accountId, String accountName, @Nullable Long stCustomerId, String name,
		@Nullable String firstName, @Nullable String lastName, @Nullable String email, @Nullable String phone,
		@Nullable String role, boolean primary, @Nullable String street, @Nullable String city,
		@Nullable String state, @Nullable String zip, boolean active, List<LocationView> locations, String source,
		int version, String createdBy, Instant createdAt, Instant updatedAt) {
}
