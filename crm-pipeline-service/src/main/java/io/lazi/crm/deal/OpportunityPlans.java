package io.lazi.crm.deal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a user plans for an opportunity besides its amount, when opening it by hand.
 *
 * @param probability percent, 0..100
 * @param expectedCloseDate the day it is expected to close
 * @param nextStep at most 10,000 characters
 */
public record OpportunityPlans(@Nullable Integer probability, @Nullable LocalDate expectedCloseDate,
		@Nullable String nextStep) {

	/** No plans. */
	public static final OpportunityPlans NONE = new OpportunityPlans(null, null, null);
}
