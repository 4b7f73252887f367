package io.lazi.crm.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A lead as the API shows it.
 *
 * @param source {@code website}, {@code referral}, {@code phone}, {@code social}, {@code email}, {@code event} or
 *        {@code other}
 * @param status {@code new}, {@code contacted}, {@code qualified}, {@code unqualified} or {@code converted}
 * @param estimatedValue in the tenant's currency, two decimals, {@code >= 0}
 * @param score 0..100 (computed elsewhere, stored here)
 * @param stLeadId ServiceTitan's lead id for leads that came from there (read-only)
 * @param stStatus ServiceTitan's status of such a lead ({@code Open}, {@code Dismissed}, {@code Converted})
 * @param convertedAccountId set with the other {@code converted*} fields when the lead was converted in Lazi
 * @param convertedAt set when the lead is converted (by a conversion, or in ServiceTitan)
 * @param convertedBy the converting user's {@code sub}, or {@code servicetitan}
 * @param version the optimistic lock: the ETag is {@code "<version>"}
 * @param createdBy the creating user's {@code sub}, or {@code servicetitan}
 */
public record LeadView(UUID id, String name, @Nullable String company, @Nullable String email, @Nullable String phone,
		@Nullable String street, @Nullable String city, @Nullable String state, @Nullable String zip, String source,
		String status, @Nullable BigDecimal estimatedValue, @Nullable String ownerId, @Nullable Integer score,
		@Nullable Long stLeadId, @Nullable String stStatus, @Nullable UUID convertedAccountId,
		@Nullable UUID convertedContactId, @Nullable UUID convertedOpportunityId, @Nullable Instant convertedAt,
		@Nullable String convertedBy, int version, String createdBy, Instant createdAt, Instant updatedAt) {
}
