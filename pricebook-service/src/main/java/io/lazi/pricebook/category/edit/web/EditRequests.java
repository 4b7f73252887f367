package io.lazi.pricebook.category.edit.web;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;
import io.lazi.pricebook.category.edit.CategoryEdit;

import tools.jackson.databind.JsonNode;

/**
 * Reads edit request bodies field by field, so each bad value answers 400 naming its field.
 */
final class EditRequests {

	private static final Set<String> OVERRIDE_FIELDS = Set.of("name", "imageUploadId", "position", "isVisibleCrm");

	private EditRequests() {
	}

	/** {@code {name?, imageUploadId?, position?, isVisibleCrm?}}, at least one present. */
	static CategoryEdit override(@Nullable JsonNode body) {

		var object = object(body);
		var edit = new CategoryEdit(name(object, false), uuid(object, "imageUploadId"), position(object, "position"),
				bool(object, "isVisibleCrm"));
		if (edit.name() == null && edit.imageUploadId() == null && edit.position() == null
				&& edit.isVisibleCrm() == null) {
			throw new InvalidInputException("body", "must contain at least one of " + OVERRIDE_FIELDS);
		}
		return edit;
	}

	/** {@code {name, position?, imageUploadId?, isVisibleCrm?}} of a new subcategory. */
	static CategoryEdit create(@Nullable JsonNode body) {

		var object = object(body);
		return new CategoryEdit(name(object, true), uuid(object, "imageUploadId"), position(object, "position"),
				bool(object, "isVisibleCrm"));
	}

	/** Reads a non-negative integer field; {@code null} when absent. */
	static @Nullable Integer position(JsonNode object, String field) {

		var value = present(object, field);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
			throw new InvalidInputException(field, "must be an integer >= 0");
		}
		return value.intValue();
	}

	/** Reads a ServiceTitan id field; {@code null} when absent. */
	static @Nullable Long id(JsonNode object, String field) {

		var value = present(object, field);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new InvalidInputException(field, "must be a category id");
		}
		return value.longValue();
	}

	static JsonNode object(@Nullable JsonNode body) {

		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		return body;
	}

	private static @Nullable String name(JsonNode object, boolean required) {

		var value = present(object, "name");
		if (value == null) {
			if (required) {
				throw new InvalidInputException("name", "is required");
			}
			return null;
		}
		var name = value.isString() ? value.stringValue().trim() : "";
		if (name.isEmpty() || name.length() > 255) {
			throw new InvalidInputException("name", "must be a text of 1 to 255 characters");
		}
		return name;
	}

	private static @Nullable UUID uuid(JsonNode object, String field) {

		var value = present(object, field);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.isString() ? value.stringValue() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "must be the UUID of an image upload");
		}
	}

	private static @Nullable Boolean bool(JsonNode object, String field) {

		var value = present(object, field);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			throw new InvalidInputException(field, "must be true or false");
		}
		return value.booleanValue();
	}

	private static @Nullable JsonNode present(JsonNode object, String field) {

		var value = object.get(field);
		return value == null || value.isNull() ? null : value;
	}
}
