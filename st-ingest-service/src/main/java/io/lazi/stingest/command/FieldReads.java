package io.lazi.stingest.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StAppointmentAssignment;
import io.lazi.platform.events.StContact;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.stingest.servicetitan.CallCounts;
import io.lazi.stingest.servicetitan.ServiceTitanClient;
import io.lazi.stingest.servicetitan.ServiceTitanException;
import io.lazi.stingest.servicetitan.ServiceTitanFieldWrites;
import io.lazi.stingest.servicetitan.StPage;
import io.lazi.stingest.servicetitan.StReply;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ServiceTitan reads of field commands: a record's current state (whether a write happened) and the records a
 * write changed, read back after it. A read-back that ServiceTitan does not answer with 2xx fails with
 * {@link ServiceTitanException}; failures past the client's retries leave the same way.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FieldReads {

	private static final TypeReference<StPage<StAppointmentAssignment>> ASSIGNMENT_PAGE = new TypeReference<>() {
	};

	private static final TypeReference<StPage<StCustomer>> CUSTOMER_PAGE = new TypeReference<>() {
	};

	private final ServiceTitanFieldWrites writes;

	private final ServiceTitanClient client;

	private final JsonMapper json;

	/** The record ServiceTitan answered, as a tree; empty for a 4xx (e.g. 404: it does not exist). */
	Optional<JsonNode> current(StReply reply) {
		return reply.succeeded() ? Optional.of(json.readTree(reply.body())) : Optional.empty();
	}

	/** The {@code id} of a created record's answer. */
	long id(StReply reply) {

		var id = json.readTree(reply.body()).path("id");
		if (!id.isNumber()) {
			throw new IllegalStateException("ServiceTitan answered " + reply.status() + " without the new record's id");
		}
		return id.asLong();
	}

	/** The customer with its contacts ({@code GET …/customers/{id}}, then every page of {@code …/contacts}). */
	StCustomer customer(String tenant, long id, CallCounts counts) {

		var customer = record(writes.customer(tenant, id, counts), StCustomer.class, "customer " + id);
		var contacts = new ArrayList<StContact>();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var listed = client.contacts(tenant, id, page, counts);
			contacts.addAll(listed.data());
			hasMore = listed.hasMore() && !listed.data().isEmpty();
		}
		return new StCustomer(customer.id(), customer.active(), customer.name(), customer.type(), customer.address(),
				List.copyOf(contacts), customer.mergedToId(), customer.createdOn(), customer.modifiedOn());
	}

	StJob job(String tenant, long id, CallCounts counts) {
		return record(writes.job(tenant, id, counts), StJob.class, "job " + id);
	}

	StAppointment appointment(String tenant, long id, CallCounts counts) {
		return record(writes.appointment(tenant, id, counts), StAppointment.class, "appointment " + id);
	}

	StEstimate estimate(String tenant, long id, CallCounts counts) {
		return record(writes.estimate(tenant, id, counts), StEstimate.class, "estimate " + id);
	}

	/** Every assignment, active and not, of the appointment {@code appointmentId} or of the job {@code jobId}. */
	List<StAppointmentAssignment> assignments(String tenant, @Nullable Long appointmentId, @Nullable Long jobId,
			CallCounts counts) {

		var all = new ArrayList<StAppointmentAssignment>();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var reply = writes.assignments(tenant, appointmentId, jobId, page, counts);
			if (!reply.succeeded()) {
				throw new ServiceTitanException("Reading appointment assignments answered " + reply.status(), reply.status());
			}
			var listed = json.readValue(reply.body(), ASSIGNMENT_PAGE);
			all.addAll(listed.data());
			hasMore = listed.hasMore() && !listed.data().isEmpty();
		}
		return all;
	}

	/** The id of the newest customer named exactly {@code name} created at or after {@code since}, active or not. */
	Optional<Long> createdCustomer(String tenant, String name, Instant since, CallCounts counts) {

		var found = new ArrayList<StCustomer>();
		var hasMore = true;
		for (var page = 1; hasMore; page++) {
			var reply = writes.customersCreatedSince(tenant, name, since, page, counts);
			if (!reply.succeeded()) {
				break;
			}
			var listed = json.readValue(reply.body(), CUSTOMER_PAGE);
			found.addAll(listed.data());
			hasMore = listed.hasMore() && !listed.data().isEmpty();
		}
		return found.stream()
			.filter(customer -> name.equals(customer.name()))
			.filter(customer -> customer.createdOn() != null && !customer.createdOn().isBefore(since))
			.max(Comparator.comparing(StCustomer::createdOn))
			.map(StCustomer::id);
	}

	private <T> T record(StReply reply, Class<T> type, String what) {

		if (!reply.succeeded()) {
			throw new ServiceTitanException("Reading " + what + " answered " + reply.status(), reply.status());
		}
		return json.readValue(reply.body(), type);
	}

	/**
	 * Whether {@code current} holds every field of {@code written} (a request body by ServiceTitan names, nested
	 * objects field by field): numbers by value, timestamps by instant, whatever their formatting.
	 */
	static boolean carries(JsonNode current, Map<String, ?> written) {
		return written.entrySet().stream().allMatch(field -> same(current.get(field.getKey()), field.getValue()));
	}

	private static boolean same(@Nullable JsonNode current, @Nullable Object written) {

		if (current == null || current.isNull()) {
			return written == null;
		}
		return switch (written) {
			case null -> false;
			case Map<?, ?> fields -> current.isObject() && fields.entrySet()
				.stream()
				.allMatch(field -> same(current.get(String.valueOf(field.getKey())), field.getValue()));
			case Number number -> current.isNumber()
					&& current.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
			case Boolean bool -> current.isBoolean() && current.booleanValue() == bool;
			case String text -> current.isString() && (text.equals(current.asString()) || sameInstant(text, current.asString()));
			default -> false;
		};
	}

	/** Whether both are timestamps of the same instant ({@code 2026-01-01T10:00:00Z} and {@code …10:00:00.000Z}). */
	private static boolean sameInstant(String a, String b) {
		try {
			return Instant.parse(a).equals(Instant.parse(b));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}
}
