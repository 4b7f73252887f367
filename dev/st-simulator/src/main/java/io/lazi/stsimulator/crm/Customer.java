package io.lazi.stsimulator.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Crm.V2.Customers.CustomerResponse}. Phones and emails are not part of it:
 * they are {@link Contact}s served by the contacts endpoints.
 *
 * @param type {@code Residential} or {@code Commercial}
 */
public record Customer(long id, boolean active, String name, String type, Address address,
		List<CustomField> customFields, BigDecimal balance, boolean taxExempt, List<Long> tagTypeIds, boolean doNotMail,
		boolean doNotService, boolean nationalAccount, Instant createdOn, long createdById, Instant modifiedOn,
		@Nullable Long paymentTermId, @Nullable BigDecimal creditLimit, @Nullable BigDecimal creditLimitBalance,
		List<ExternalData> externalData) implements CrmRecord {

	/** {@code Crm.V2.Customers.CustomerAddress}. */
	public record Address(String street, @Nullable String unit, String city, String state, String zip, String country,
			@Nullable Double latitude, @Nullable Double longitude) {

		/** An address without unit or coordinates, as the seed data has them. */
		public Address(String street, String city, String state, String zip, String country) {
			this(street, null, city, state, zip, country, null, null);
		}
	}

	/** A residential, active customer with empty lists and flags off. */
	public static Customer residential(long id, String name, Address address, Instant createdOn, Instant modifiedOn) {
		return new Customer(id, true, name, "Residential", address, List.of(), BigDecimal.ZERO, false, List.of(), false,
				false, false, createdOn, 1L, modifiedOn, null, null, null, List.of());
	}

	/** A customer created through {@code Customers_Create} at {@code now}. */
	public static Customer created(long id, NewCustomer request, Instant now) {
		return new Customer(id, true, request.name(), request.type(), request.address(), request.customFields(),
				BigDecimal.ZERO, request.taxExempt(), request.tagTypeIds(), request.doNotMail(), request.doNotService(),
				request.nationalAccount(), now, 1L, now, request.paymentTermId(), request.creditLimit(),
				request.creditLimitBalance(), request.externalData());
	}

	/** This customer under a new name, modified at {@code now}. */
	public Customer renamed(String newName, Instant now) {
		return new Customer(id, active, newName, type, address, customFields, balance, taxExempt, tagTypeIds, doNotMail,
				doNotService, nationalAccount, createdOn, createdById, now, paymentTermId, creditLimit, creditLimitBalance,
				externalData);
	}

	/** This customer with the supplied fields of {@code changes}, modified at {@code now}. */
	public Customer changed(CustomerChanges changes, Instant now) {
		return new Customer(id, pick(changes.active(), active), pick(changes.name(), name), pick(changes.type(), type),
				pick(changes.address(), address), pick(changes.customFields(), customFields), balance,
				pick(changes.taxExempt(), taxExempt), pick(changes.tagTypeIds(), tagTypeIds),
				pick(changes.doNotMail(), doNotMail), pick(changes.doNotService(), doNotService),
				pick(changes.nationalAccount(), nationalAccount), createdOn, createdById, now,
				pick(changes.paymentTermId(), paymentTermId), pick(changes.creditLimit(), creditLimit),
				pick(changes.creditLimitBalance(), creditLimitBalance),
				changes.externalData() == null ? externalData : changes.externalData().applyTo(externalData));
	}

	private static <T> T pick(@Nullable T supplied, T current) {
		return supplied != null ? supplied : current;
	}
}
