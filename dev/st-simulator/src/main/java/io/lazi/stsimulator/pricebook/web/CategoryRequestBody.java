package io.lazi.stsimulator.pricebook.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.lazi.stsimulator.errors.ApiException;
import io.lazi.stsimulator.pricebook.CategoryChanges;
import io.lazi.stsimulator.pricebook.CategoryType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a category write body against ServiceTitan's {@code Pricebook.V2.CategoryCreateRequest} or
 * {@code CategoryUpdateRequest} and reports every violation in one 400, keyed by field, as
 * ServiceTitan's model validation does: a wrong JSON type, null where the schema does not allow it,
 * an int32/int64 out of range, a {@code categoryType} other than {@code Services}/{@code Materials},
 * a missing required field (create: {@code name}, {@code categoryType}) and a blank {@code name}.
 * Properties the schema does not know are ignored, as the schema allows them.
 */
final class CategoryRequestBody {

	private final JsonNode body;

	private final boolean create;

	private final Map<String, List<String>> errors = new LinkedHashMap<>();

	private CategoryRequestBody(JsonNode body, boolean create) {

		this.body = body;
		this.create = create;
	}

	static CategoryChanges forCreate(JsonNode body) {
		return new CategoryRequestBody(body, true).read();
	}

	static CategoryChanges forUpdate(JsonNode body) {
		return new CategoryRequestBody(body, false).read();
	}

	private CategoryChanges read() {

		if (!body.isObject()) {
			throw ApiException.badRequest("body", "The request body must be a JSON object.");
		}
		var name = field("name", false, node -> node.isString() ? node.asString() : null, "a string");
		if (name != null && name.isBlank()) {
			errors.put("name", List.of("The name field must not be blank."));
		}
		var active = field("active", create, node -> node.isBoolean() ? node.booleanValue() : null, "true or false");
		var description = field("description", create, node -> node.isString() ? node.asString() : null, "a string");
		var parentId = field("parentId", true, CategoryRequestBody::int64, "a 64-bit integer");
		var position = field("position", create, CategoryRequestBody::int32, "a 32-bit integer");
		var image = field("image", create, node -> node.isString() ? node.asString() : null, "a string");
		var type = field("categoryType", false,
				node -> node.isString() ? CategoryType.parse(node.asString()).orElse(null) : null,
				"one of Services, Materials");
		var businessUnits = field("businessUnitIds", create, node -> list(node, CategoryRequestBody::int64),
				"an array of 64-bit integers");
		var skuImages = field("skuImages", create, node -> list(node, CategoryRequestBody::string), "an array of strings");
		var skuVideos = field("skuVideos", create, node -> list(node, CategoryRequestBody::string), "an array of strings");
		if (create) {
			require("name", name);
			require("categoryType", type);
		}
		if (!errors.isEmpty()) {
			throw ApiException.badRequest(errors);
		}
		return new CategoryChanges(name, active, description, body.has("parentId"), parentId, position, image, type,
				businessUnits, skuImages, skuVideos);
	}

	/**
	 * Reads one optional property; records an error when it is null but not nullable, or the reader
	 * rejects it (answers null).
	 */
	private <T> @Nullable T field(String name, boolean nullable, Function<JsonNode, @Nullable T> reader, String expected) {

		var node = body.get(name);
		if (node == null || (node.isNull() && nullable)) {
			return null;
		}
		var value = node.isNull() ? null : reader.apply(node);
		if (value == null) {
			errors.put(name, List.of("The %s field must be %s.".formatted(name, expected)));
		}
		return value;
	}

	private void require(String name, @Nullable Object value) {

		if (value == null && !errors.containsKey(name)) {
			errors.put(name, List.of("The %s field is required.".formatted(name)));
		}
	}

	private static @Nullable Long int64(JsonNode node) {
		return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
	}

	private static @Nullable Integer int32(JsonNode node) {
		return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
	}

	private static @Nullable String string(JsonNode node) {
		return node.isString() ? node.asString() : null;
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
}
