package io.lazi.crm.deal;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An opportunity to open in Lazi ({@link OpportunityRecords#open}).
 *
 * @param title required, at most 200 characters
 * @param pipeline {@code SALES} or {@code INSTALL} (case-insensitive)
 * @param stage a stage key of that pipeline, e.g. {@code NEW_LEAD}; {@code null} for the pipeline's first stage
 * @param accountId an account of the tenant
 * @param primaryContactId a contact of the tenant
 * @param amount in the tenant's currency, {@code >= 0}, at most 2 decimals; given, it is the amount set by hand
 *        ({@code amountManual}), else the amount follows the line items
 * @param ownerId the {@code sub} of the owning user; {@code null} for the acting user
 * @param leadId the lead being converted into it, if any
 */
public record NewOpportunity(String title, String pipeline, @Nullable String stage, @Nullable UUID accountId,
		@Nullable UUID primaryContactId, @Nullable BigDecimal amount, @Nullable String ownerId, @Nullable UUID leadId) {
}
