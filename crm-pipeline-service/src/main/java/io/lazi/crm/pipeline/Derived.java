package io.lazi.crm.pipeline;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The state the rules want an opportunity in, with the reason and record behind its stage.
 *
 * @param reason rule name of the stage, e.g. {@code job-created}, {@code estimate-sold}
 */
record Derived(Stage stage, String title, @Nullable BigDecimal monetaryValue, @Nullable Long stJobId,
		@Nullable Long stEstimateId, String reason, Trigger trigger) {

	/**
	 * Whether applying this changes anything stored in {@code current}; an amount the rules do not set (a user's,
	 * or the line items' sum) is not compared.
	 */
	boolean differsFrom(Opportunity current) {
		return stage != current.stage() || !title.equals(current.title())
				|| (!current.amountHeld() && !sameAmount(monetaryValue, current.monetaryValue()))
				|| !Objects.equals(stJobId, current.stJobId()) || !Objects.equals(stEstimateId, current.stEstimateId());
	}

	Derived withStage(Stage kept) {
		return new Derived(kept, title, monetaryValue, stJobId, stEstimateId, reason, trigger);
	}

	private static boolean sameAmount(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
