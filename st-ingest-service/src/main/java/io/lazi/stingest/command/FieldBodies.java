package io.lazi.stingest.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.FieldWrite;
import io.lazi.platform.events.StAddress;
import tools.jackson.databind.JsonNode;

/**
 * The request bodies of field commands, by ServiceTitan's field names and checked against its OpenAPI exports:
 * only the values a {@link FieldWrite} sets (a null is not written), timestamps as ISO-8601 UTC strings.
 */
final class FieldBodies {

	/** An address's fields, in ServiceTitan's order, and those that place it (a unit does not move it). */
	private static final Map<String, Function<StAddress, @Nullable String>> ADDRESS = address();

	private static final List<String> PLACE = List.of("street", "city", "state", "zip", "country");

	private FieldBodies() {
	}

	/**
	 * {@code CreateCustomerRequest}: {@code name}, {@code type}, the bill-to {@code address}, one location of the
	 * customer's name at the same address ({@code locations} is required), and the email and phone as the customer's
	 * {@code contacts} ({@code NewCustomerContact} types {@code Email}, {@code Phone}) where given.
	 */
	static Map<String, Object> newCustomer(FieldWrite write) {

		var address = new LinkedHashMap<String, Object>();
		var given = Objects.requireNonNull(write.address(), "validated: a create carries an address");
		ADDRESS.forEach((name, value) -> put(address, name, value.apply(given)));
		var body = new LinkedHashMap<String, Object>();
		put(body, "name", write.name());
		put(body, "type", write.type());
		body.put("address", address);
		body.put("locations", List.of(Map.of("name", Objects.requireNonNull(write.name()), "address", address)));
		var contacts = new ArrayList<Map<String, Object>>();
		var email = write.email();
		if (email != null && !email.isBlank()) {
			contacts.add(Map.of("type", "Email", "value", email));
		}
		var phone = write.phone();
		if (phone != null && !phone.isBlank()) {
			contacts.add(Map.of("type", "Phone", "value", phone));
		}
		if (!contacts.isEmpty()) {
			body.put("contacts", contacts);
		}
		return body;
	}

	/**
	 * {@code UpdateCustomerRequest}: {@code name}, {@code type} and {@code address}. The export requires every field
	 * of {@code UpdateCustomerAddress}, so a written address is completed from {@code current} (ServiceTitan's
	 * customer before the write; a field neither sets is sent empty), coordinates included while the street, city,
	 * state, zip and country stay. A moved address goes without coordinates: Lazi has none for it, and old ones
	 * would be wrong.
	 */
	static Map<String, Object> customerUpdate(FieldWrite write, @Nullable JsonNode current) {

		var body = new LinkedHashMap<String, Object>();
		put(body, "name", write.name());
		put(body, "type", write.type());
		var given = write.address();
		if (given != null) {
			var before = current == null ? null : current.get("address");
			var address = new LinkedHashMap<String, Object>();
			ADDRESS.forEach((name, value) -> {
				var set = value.apply(given);
				address.put(name, set != null ? set : text(before, name));
			});
			var moved = before == null
					|| PLACE.stream().anyMatch(name -> !Objects.equals(address.get(name), text(before, name)));
			if (!moved && before.path("latitude").isNumber() && before.path("longitude").isNumber()) {
				address.put("latitude", before.get("latitude").decimalValue());
				address.put("longitude", before.get("longitude").decimalValue());
			}
			body.put("address", address);
		}
		return body;
	}

	/** {@code UpdateJobRequest}: {@code summary}, {@code businessUnitId}, {@code jobTypeId}, {@code priority}. */
	static Map<String, Object> jobUpdate(FieldWrite write) {

		var body = new LinkedHashMap<String, Object>();
		put(body, "summary", write.summary());
		put(body, "businessUnitId", write.businessUnitId());
		put(body, "jobTypeId", write.jobTypeId());
		put(body, "priority", write.priority());
		return body;
	}

	/** {@code CancelJobRequest} and {@code HoldJobRequest}: {@code reasonId} and {@code memo} (both required; memo empty when none). */
	static Map<String, Object> reason(FieldWrite write) {
		return Map.of("reasonId", Objects.requireNonNull(write.reasonId(), "validated: cancel and hold carry a reason"),
				"memo", write.memo() == null ? "" : write.memo());
	}

	/**
	 * {@code CompleteJobRequest}: {@code completedOn} = the write's {@code end}, else {@code firstStarted} (when the
	 * command first started, so that every delivery sends the same).
	 */
	static Map<String, Object> completion(FieldWrite write, Instant firstStarted) {
		return Map.of("completedOn", (write.end() == null ? firstStarted : write.end()).toString());
	}

	/** {@code AppointmentRescheduleRequest}: {@code start} and {@code end}. */
	static Map<String, Object> reschedule(FieldWrite write) {

		var body = new LinkedHashMap<String, Object>();
		put(body, "start", write.start() == null ? null : write.start().toString());
		put(body, "end", write.end() == null ? null : write.end().toString());
		return body;
	}

	/** {@code SellRequest.soldBy}: the first technician, else 0. */
	static long soldBy(FieldWrite write) {
		return write.technicianIds() == null || write.technicianIds().isEmpty() ? 0 : write.technicianIds().getFirst();
	}

	private static String text(@Nullable JsonNode node, String name) {

		var value = node == null ? null : node.get(name);
		return value == null || !value.isString() ? "" : value.asString();
	}

	private static void put(Map<String, Object> body, String name, @Nullable Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

	private static Map<String, Function<StAddress, @Nullable String>> address() {

		var fields = new LinkedHashMap<String, Function<StAddress, @Nullable String>>();
		fields.put("street", StAddress::street);
		fields.put("unit", StAddress::unit);
		fields.put("city", StAddress::city);
		fields.put("state", StAddress::state);
		fields.put("zip", StAddress::zip);
		fields.put("country", StAddress::country);
		return fields;
	}
}
