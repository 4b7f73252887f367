package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The stored state of one opportunity, as far as the rules compare it and a stage move announces it.
 *
 * @param stCustomerId the ServiceTitan customer of a derived opportunity; {@code null} for one opened in Lazi, which
 *        the rules never touch
 * @param amountHeld the amount is not the rules' to set: a user set it by hand, or it follows the line items
 */
record Opportunity(UUID id, @Nullable Long stCustomerId, Stage stage, String title,
		@Nullable BigDecimal monetaryValue, @Nullable Long stJobId, @Nullable Long stEstimateId, boolean amountHeld) {

	/** Opened in Lazi (by a user or a lead's conversion), not derived from a ServiceTitan customer. */
	boolean manual() {
		return stCustomerId == null;
	}
}
