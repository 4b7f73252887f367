package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code Crm.V2.Customers.CreateCustomerRequest}, already checked against ServiceTitan's schema; absent lists
 * are empty and absent flags false.
 *
 * @param type {@code Residential} (when absent) or {@code Commercial}
 * @param locations at least one
 */
public record NewCustomer(String name, String type, Customer.Address address, List<NewLocation> locations,
		List<NewContact> contacts, List<CustomField> customFields, List<Long> tagTypeIds, List<ExternalData> externalData,
		boolean doNotMail, boolean doNotService, boolean nationalAccount, boolean taxExempt,
		@Nullable Long paymentTermId, @Nullable BigDecimal creditLimit, @Nullable BigDecimal creditLimitBalance) {

	/** {@code Crm.V2.Customers.NewLocation}. */
	public record NewLocation(String name, Customer.Address address, List<NewContact> contacts,
			List<CustomField> customFields, List<Long> tagTypeIds, List<ExternalData> externalData) {
	}

	/**
	 * {@code Crm.V2.Customers.NewCustomerContact}.
	 *
	 * @param type {@code Phone}, {@code Email}, {@code Fax} or {@code MobilePhone}
	 */
	public record NewContact(String type, String value, @Nullable String memo) {
	}
}
