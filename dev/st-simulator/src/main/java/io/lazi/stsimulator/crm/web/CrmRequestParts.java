package io.lazi.stsimulator.crm.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import io.lazi.stsimulator.crm.CustomField;
import io.lazi.stsimulator.crm.Customer;
import io.lazi.stsimulator.crm.ExternalData;
import io.lazi.stsimulator.crm.NewCustomer;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import org.jspecify.annotations.Nullable;

/**
 * The parts several CRM and JPM request schemas share, read with {@link RequestFields}: addresses, contacts,
 * custom fields and external data.
 */
final class CrmRequestParts {

	static final List<String> CONTACT_TYPES = List.of("Phone", "Email", "Fax", "MobilePhone");

	static final List<String> CUSTOMER_TYPES = List.of("Residential", "Commercial");

	private CrmRequestParts() {
	}

	/**
	 * {@code Crm.V2.Customers.CustomerAddress} (street, city, state, zip and country required; unit and coordinates
	 * nullable) or, {@code forUpdate}, {@code UpdateCustomerAddress} (all eight required).
	 */
	static Customer.@Nullable Address address(@Nullable RequestFields fields, boolean forUpdate) {

		if (fields == null) {
			return null;
		}
		var optional = forUpdate ? Need.REQUIRED : Need.NULLABLE;
		var street = fields.string("street", Need.REQUIRED);
		var unit = fields.string("unit", optional);
		var city = fields.string("city", Need.REQUIRED);
		var state = fields.string("state", Need.REQUIRED);
		var zip = fields.string("zip", Need.REQUIRED);
		var country = fields.string("country", Need.REQUIRED);
		var latitude = fields.number("latitude", optional);
		var longitude = fields.number("longitude", optional);
		if (street == null || city == null || state == null || zip == null || country == null) {
			return null;
		}
		return new Customer.Address(street, unit, city, state, zip, country, latitude, longitude);
	}

	/** An array of {@code NewCustomerContact}: type (Phone, Email, Fax, MobilePhone), value and memo. */
	static List<NewCustomer.NewContact> contacts(RequestFields body, String name) {
		return items(body.objects(name, Need.NULLABLE), (fields, index) -> {
			var type = fields.oneOf("type", Need.REQUIRED, CONTACT_TYPES);
			var value = fields.text("value", Need.REQUIRED);
			var memo = fields.string("memo", Need.NULLABLE);
			return type == null || value == null ? null : new NewCustomer.NewContact(type, value, memo);
		});
	}

	/**
	 * An array of {@code CustomFieldUpdateModel} ({@code typeId} and {@code value}, required unless {@code valueNullable},
	 * as in {@code Jpm.V2.CustomFieldModel}); {@code forJob} names them as jobs show them.
	 */
	static @Nullable List<CustomField> customFields(RequestFields body, Need need, boolean valueNullable, boolean forJob) {

		var items = body.objects("customFields", need);
		if (items == null) {
			return null;
		}
		return items(items, (fields, index) -> {
			var typeId = fields.int64("typeId", Need.REQUIRED);
			var value = fields.string("value", valueNullable ? Need.NULLABLE : Need.REQUIRED);
			if (typeId == null) {
				return null;
			}
			return forJob ? CustomField.ofJob(typeId, value) : new CustomField(typeId, null, value);
		});
	}

	/** {@code ExternalDataCreateRequest}: an application guid and key/value pairs, both required. */
	static List<ExternalData> externalData(RequestFields body) {

		var request = body.object("externalData", Need.NULLABLE);
		if (request == null) {
			return List.of();
		}
		guid(request);
		return items(request.objects("externalData", Need.REQUIRED), (fields, index) -> {
			var key = fields.string("key", Need.REQUIRED);
			var value = fields.string("value", Need.REQUIRED);
			return key == null || value == null ? null : new ExternalData(key, value);
		});
	}

	/** {@code ExternalDataUpdateRequest}: a patch mode (Replace by default, or Merge), a guid and the pairs. */
	static ExternalData.@Nullable Change externalDataChange(RequestFields body) {

		var request = body.object("externalData", Need.OPTIONAL);
		if (request == null) {
			return null;
		}
		var mode = request.oneOf("patchMode", Need.NULLABLE, List.of("Replace", "Merge"));
		guid(request);
		var entries = items(request.objects("externalData", Need.REQUIRED), (fields, index) -> {
			var key = fields.string("key", Need.REQUIRED);
			var value = fields.string("value", Need.NULLABLE);
			return key == null ? null : new ExternalData.Change.Entry(key, value);
		});
		return new ExternalData.Change("Merge".equals(mode), entries);
	}

	/** Reads each element; the elements a reader refuses (null) are left out, their errors recorded. */
	static <T> List<T> items(@Nullable List<RequestFields> items, BiFunction<RequestFields, Integer, @Nullable T> reader) {

		var values = new ArrayList<T>();
		if (items != null) {
			for (var index = 0; index < items.size(); index++) {
				var value = reader.apply(items.get(index), index);
				if (value != null) {
					values.add(value);
				}
			}
		}
		return List.copyOf(values);
	}

	private static void guid(RequestFields request) {

		var guid = request.string("applicationGuid", Need.REQUIRED);
		if (guid != null) {
			try {
				UUID.fromString(guid);
			}
			catch (IllegalArgumentException ex) {
				request.reject("applicationGuid", "The applicationGuid field must be a guid.");
			}
		}
	}
}
