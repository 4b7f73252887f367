package io.lazi.stsimulator.errors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a write's JSON body field by field against a ServiceTitan request schema and collects every violation,
 * keyed by field path ({@code address.street}, {@code locations[0].name}), into one 400 {@code ApiErrorResponse},
 * as ServiceTitan's model validation does: a wrong JSON type, null where the schema does not allow it, an int64
 * out of range, a value outside an enum, a missing required field. Properties the schema does not know are
 * ignored, as the schemas allow them. Not thread-safe: one per request.
 */
public final class RequestFields {

	/** How a schema property may appear. */
	public enum Need {

		/** Present and not null (the schema's {@code required}). */
		REQUIRED,

		/** May be absent; null is refused (not {@code nullable} in the schema). */
		OPTIONAL,

		/** May be absent or null. */
		NULLABLE
	}

	private final JsonNode body;

	private final String prefix;

	private final Map<String, List<String>> errors;

	private RequestFields(JsonNode body, String prefix, Map<String, List<String>> errors) {

		this.body = body;
		this.prefix = prefix;
		this.errors = errors;
	}

	/**
	 * @param body the request body
	 * @return a reader of its fields
	 * @throws ApiException a 400 naming {@code body} when it is not a JSON object
	 */
	public static RequestFields of(JsonNode body) {

		if (!body.isObject()) {
			throw ApiException.badRequest("body", "The request body must be a JSON object.");
		}
		return new RequestFields(body, "", new LinkedHashMap<>());
	}

	/** @return whether the body carries the property, null or not */
	public boolean has(String name) {
		return body.has(name);
	}

	public @Nullable String string(String name, Need need) {
		return field(name, need, node -> node.isString() ? node.asString() : null, "a string");
	}

	/** A string that must not be blank either. */
	public @Nullable String text(String name, Need need) {

		var value = string(name, need);
		if (value != null && value.isBlank()) {
			reject(name, "The %s field must not be blank.".formatted(name));
			return null;
		}
		return value;
	}

	public @Nullable Long int64(String name, Need need) {
		return field(name, need, RequestFields::int64, "a 64-bit integer");
	}

	public @Nullable Boolean bool(String name, Need need) {
		return field(name, need, node -> node.isBoolean() ? node.booleanValue() : null, "true or false");
	}

	public @Nullable Double number(String name, Need need) {
		return field(name, need, node -> node.isNumber() ? node.doubleValue() : null, "a number");
	}

	public @Nullable BigDecimal decimal(String name, Need need) {
		return field(name, need, node -> node.isNumber() ? node.decimalValue() : null, "a number");
	}

	/** A date-time string: an instant with {@code Z} or an offset, or a local date-time taken as UTC. */
	public @Nullable Instant dateTime(String name, Need need) {
		return field(name, need, node -> node.isString() ? instant(node.asString()) : null,
				"a date-time such as 2026-01-31T09:00:00Z");
	}

	/** A string enum, matched ignoring case as ServiceTitan's binder does; answers the value as spelled in {@code values}. */
	public @Nullable String oneOf(String name, Need need, List<String> values) {
		return field(name, need,
				node -> node.isString() ? values.stream().filter(value -> value.equalsIgnoreCase(node.asString())).findFirst()
					.orElse(null) : null,
				"one of " + String.join(", ", values));
	}

	public @Nullable List<Long> int64s(String name, Need need) {
		return field(name, need, node -> list(node, RequestFields::int64), "an array of 64-bit integers");
	}

	/** A nested object, read with the same rules; its errors are keyed {@code name.field}. */
	public @Nullable RequestFields object(String name, Need need) {
		return field(name, need, node -> node.isObject() ? new RequestFields(node, path(name) + ".", errors) : null,
				"an object");
	}

	/** An array of objects; the errors of element {@code i} are keyed {@code name[i].field}. */
	public @Nullable List<RequestFields> objects(String name, Need need) {
		return field(name, need, node -> {
			if (!node.isArray()) {
				return null;
			}
			var items = new ArrayList<RequestFields>();
			for (var index = 0; index < node.size(); index++) {
				var item = node.get(index);
				if (!item.isObject()) {
					return null;
				}
				items.add(new RequestFields(item, path(name) + "[" + index + "].", errors));
			}
			return List.copyOf(items);
		}, "an array of objects");
	}

	/** Records a violation the schema alone cannot express (an unknown id, an order of dates). */
	public void reject(String name, String message) {
		errors.putIfAbsent(path(name), List.of(message));
	}

	/** @return whether any violation has been recorded, in this object or any other of the same body */
	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	/**
	 * @throws ApiException a 400 naming every violation recorded, when there is one
	 */
	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw ApiException.badRequest(errors);
		}
	}

	private <T> @Nullable T field(String name, Need need, Function<JsonNode, @Nullable T> reader, String expected) {

		var node = body.get(name);
		if (node == null || node.isNull()) {
			if (need == Need.REQUIRED || (node != null && need == Need.OPTIONAL)) {
				reject(name, need == Need.REQUIRED ? "The %s field is required.".formatted(name)
						: "The %s field must be %s.".formatted(name, expected));
			}
			return null;
		}
		var value = reader.apply(node);
		if (value == null) {
			reject(name, "The %s field must be %s.".formatted(name, expected));
		}
		return value;
	}

	private String path(String name) {
		return prefix + name;
	}

	private static @Nullable Long int64(JsonNode node) {
		return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
	}

	/** An array whose every element the reader accepts, else null. */
	private static <T> @Nullable List<T> list(JsonNode node, Function<JsonNode, @Nullable T> element) {

		if (!node.isArray()) {
			return null;
		}
		var values = new ArrayList<T>();
		for (var item : node) {
			var value = element.apply(item);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return List.copyOf(values);
	}

	private static @Nullable Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException offsetMissing) {
			try {
				return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
	}
}
