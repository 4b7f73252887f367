package io.lazi.stsimulator.crm.web;

import java.util.List;
import java.util.Objects;

import io.lazi.stsimulator.crm.CustomerChanges;
import io.lazi.stsimulator.crm.NewCustomer;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import tools.jackson.databind.JsonNode;

/**
 * Checks a customer write body against ServiceTitan's {@code Crm.V2.Customers.CreateCustomerRequest} (name,
 * address and at least one location required; each location a name and an address; contacts typed Phone, Email,
 * Fax or MobilePhone) or {@code UpdateCustomerRequest} (every field optional, none nullable; an address complete
 * with unit and coordinates) and reports every violation in one 400, keyed by field path.
 */
final class CustomerRequestBody {

	private CustomerRequestBody() {
	}

	static NewCustomer forCreate(JsonNode body) {

		var fields = RequestFields.of(body);
		var name = fields.text("name", Need.REQUIRED);
		var type = fields.oneOf("type", Need.NULLABLE, CrmRequestParts.CUSTOMER_TYPES);
		var doNotMail = fields.bool("doNotMail", Need.NULLABLE);
		var doNotService = fields.bool("doNotService", Need.NULLABLE);
		var nationalAccount = fields.bool("nationalAccount", Need.NULLABLE);
		var locationFields = fields.objects("locations", Need.REQUIRED);
		if (locationFields != null && locationFields.isEmpty()) {
			fields.reject("locations", "At least one location is required.");
		}
		var locations = CrmRequestParts.items(locationFields, (location, index) -> {
			var locationName = location.text("name", Need.REQUIRED);
			var address = CrmRequestParts.address(location.object("address", Need.REQUIRED), false);
			var contacts = CrmRequestParts.contacts(location, "contacts");
			var customFields = CrmRequestParts.customFields(location, Need.NULLABLE, false, false);
			var tagTypeIds = location.int64s("tagTypeIds", Need.NULLABLE);
			var externalData = CrmRequestParts.externalData(location);
			location.oneOf("coordinatesSource", Need.NULLABLE, List.of("None", "System", "User", "Imported"));
			location.oneOf("coordinatesVerificationStatus", Need.NULLABLE,
					List.of("Unverified", "InProgress", "Failed", "Verified"));
			return locationName == null || address == null ? null
					: new NewCustomer.NewLocation(locationName, address, contacts,
							customFields == null ? List.of() : customFields,
							tagTypeIds == null ? List.of() : tagTypeIds, externalData);
		});
		var address = CrmRequestParts.address(fields.object("address", Need.REQUIRED), false);
		var contacts = CrmRequestParts.contacts(fields, "contacts");
		var customFields = CrmRequestParts.customFields(fields, Need.NULLABLE, false, false);
		var tagTypeIds = fields.int64s("tagTypeIds", Need.NULLABLE);
		var externalData = CrmRequestParts.externalData(fields);
		var taxExempt = fields.bool("taxExempt", Need.NULLABLE);
		var paymentTermId = fields.int64("paymentTermId", Need.NULLABLE);
		var creditLimit = fields.decimal("creditLimit", Need.NULLABLE);
		var creditLimitBalance = fields.decimal("creditLimitBalance", Need.NULLABLE);
		fields.throwIfAny();
		return new NewCustomer(Objects.requireNonNull(name), type == null ? "Residential" : type,
				Objects.requireNonNull(address), locations, contacts,
				customFields == null ? List.of() : customFields,
				tagTypeIds == null ? List.of() : tagTypeIds, externalData, Boolean.TRUE.equals(doNotMail),
				Boolean.TRUE.equals(doNotService), Boolean.TRUE.equals(nationalAccount), Boolean.TRUE.equals(taxExempt),
				paymentTermId, creditLimit, creditLimitBalance);
	}

	static CustomerChanges forUpdate(JsonNode body) {

		var fields = RequestFields.of(body);
		var name = fields.text("name", Need.OPTIONAL);
		var type = fields.oneOf("type", Need.OPTIONAL, CrmRequestParts.CUSTOMER_TYPES);
		var address = CrmRequestParts.address(fields.object("address", Need.OPTIONAL), true);
		var customFields = CrmRequestParts.customFields(fields, Need.OPTIONAL, false, false);
		var externalData = CrmRequestParts.externalDataChange(fields);
		var doNotMail = fields.bool("doNotMail", Need.OPTIONAL);
		var doNotService = fields.bool("doNotService", Need.OPTIONAL);
		var nationalAccount = fields.bool("nationalAccount", Need.OPTIONAL);
		var active = fields.bool("active", Need.OPTIONAL);
		var tagTypeIds = fields.int64s("tagTypeIds", Need.OPTIONAL);
		var taxExempt = fields.bool("taxExempt", Need.OPTIONAL);
		var paymentTermId = fields.int64("paymentTermId", Need.OPTIONAL);
		var creditLimit = fields.decimal("creditLimit", Need.OPTIONAL);
		var creditLimitBalance = fields.decimal("creditLimitBalance", Need.OPTIONAL);
		fields.throwIfAny();
		return new CustomerChanges(name, type, address, customFields, externalData, doNotMail, doNotService,
				nationalAccount, active, tagTypeIds, taxExempt, paymentTermId, creditLimit, creditLimitBalance);
	}
}
