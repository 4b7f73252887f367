package io.lazi.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The fields users edit on any opportunity, derived or opened in Lazi, all at once: a {@code null} clears the field.
 * The pipeline, stage and status are not among them (stage moves have their own route).
 *
 * @param title required, at most 200 characters (on a derived opportunity the rules set it again on its next change)
 * @param amount in the tenant's currency, {@code >= 0}, at most 2 decimals
 * @param amountManual {@code true}: {@code amount} is set by hand and stays; {@code false}: the amount follows the
 *        line items (their sum; for a derived opportunity without items, ServiceTitan's estimate), {@code amount} is
 *        ignored; {@code null}: set by hand when {@code amount} is given and differs from an amount that was not set
 *        by hand (so sending back what was read changes nothing), else it follows the items
 * @param probability percent, 0..100
 * @param ownerId the {@code sub} of the owning user
 * @param nextStep at most 10,000 characters
 */
public record OpportunityEdit(String title, @Nullable UUID accountId, @Nullable UUID primaryContactId,
		@Nullable BigDecimal amount, @Nullable Boolean amountManual, @Nullable Integer probability,
		@Nullable LocalDate expectedCloseDate, @Nullable String ownerId, @Nullable String nextStep) {
}
