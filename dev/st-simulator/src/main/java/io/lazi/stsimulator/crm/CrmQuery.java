package io.lazi.stsimulator.crm;

import java.time.Instant;

import io.lazi.stsimulator.pricebook.ActiveFilter;
import org.jspecify.annotations.Nullable;

/**
 * A validated CRM list request: paging and the filters every CRM list shares, all bounds as
 * ServiceTitan defines them ("OnOrAfter" inclusive, "Before" exclusive).
 *
 * @param page 1-based
 */
public record CrmQuery(int page, int pageSize, boolean includeTotal, ActiveFilter active,
		@Nullable Instant modifiedOnOrAfter, @Nullable Instant modifiedBefore, @Nullable Instant createdOnOrAfter,
		@Nullable Instant createdBefore) {

	/** Whether {@code record} passes every filter. */
	public boolean matches(CrmRecord record) {

		var activeOk = switch (active) {
			case TRUE -> record.active();
			case FALSE -> !record.active();
			case ANY -> true;
		};
		return activeOk && (modifiedOnOrAfter == null || !record.modifiedOn().isBefore(modifiedOnOrAfter))
				&& (modifiedBefore == null || record.modifiedOn().isBefore(modifiedBefore))
				&& (createdOnOrAfter == null || !record.createdOn().isBefore(createdOnOrAfter))
				&& (createdBefore == null || record.createdOn().isBefore(createdBefore));
	}
}
