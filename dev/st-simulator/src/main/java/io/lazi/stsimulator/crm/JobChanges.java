package io.lazi.stsimulator.crm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code Jpm.V2.UpdateJobRequest}, already checked against ServiceTitan's schema: a null component was not
 * supplied and leaves the field as it is, except the two nullable ones, whose {@code …Supplied} flag tells whether
 * they were given (null then clears them). {@code customFields} and {@code tagTypeIds} replace the lists.
 */
public record JobChanges(@Nullable Long customerId, @Nullable Long locationId, @Nullable Long businessUnitId,
		boolean leadSourceSupplied, Job.@Nullable LeadSource jobGeneratedLeadSource, @Nullable Long jobTypeId,
		@Nullable String priority, @Nullable Long campaignId, @Nullable String summary,
		@Nullable List<CustomField> customFields, @Nullable List<Long> tagTypeIds, ExternalData.@Nullable Change externalData,
		@Nullable String customerPo, boolean soldByIdSupplied, @Nullable Long soldById) {
}
