package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The stored state of one customer's opportunity, as far as the rules compare it. */
record Opportunity(UUID id, long stCustomerId, Stage stage, String title, @Nullable BigDecimal monetaryValue,
		@Nullable Long stJobId, @Nullable Long stEstimateId) {
}
