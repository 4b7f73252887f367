package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code Crm.V2.Customers.UpdateCustomerRequest}, already checked against ServiceTitan's schema: a null
 * component was not supplied and leaves the field as it is. {@code customFields} and {@code tagTypeIds} replace
 * the lists.
 */
public record CustomerChanges(@Nullable String name, @Nullable String type, Customer.@Nullable Address address,
		@Nullable List<CustomField> customFields, ExternalData.@Nullable Change externalData, @Nullable Boolean doNotMail,
		@Nullable Boolean doNotService, @Nullable Boolean nationalAccount, @Nullable Boolean active,
		@Nullable List<Long> tagTypeIds, @Nullable Boolean taxExempt, @Nullable Long paymentTermId,
		@Nullable BigDecimal creditLimit, @Nullable BigDecimal creditLimitBalance) {
}
