package io.lazi.crm.lead;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The body of a conversion; every field is optional.
 *
 * @param accountId an existing account of the tenant to link instead of creating one
 * @param contactId an existing contact to link instead of creating one; it must belong to {@code accountId} when
 *        both are given, and its account is linked when only it is
 * @param opportunityTitle the opportunity's title, at most 200 characters; the lead's name when absent
 * @param amount the opportunity's amount set by hand, {@code >= 0}; when absent it follows the opportunity's line items (the lead keeps its estimated value)
 * @param pipeline {@code SALES} (default) or {@code INSTALL}; the opportunity starts in the pipeline's first stage
 */
public record ConversionRequest(@Nullable UUID accountId, @Nullable UUID contactId, @Nullable String opportunityTitle,
		@Nullable BigDecimal amount, @Nullable String pipeline) {

	/** A conversion that creates everything, with the defaults. */
	public static final ConversionRequest DEFAULTS = new ConversionRequest(null, null, null, null, null);
}
