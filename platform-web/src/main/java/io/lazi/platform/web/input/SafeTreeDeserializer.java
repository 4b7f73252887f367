package io.lazi.platform.web.input;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads a JSON tree as Jackson does (for endpoints that read their body field by field), then refuses
 * it when a text or a field name anywhere in it is not {@link SafeText}, with the path of the first
 * such value ({@code items[2].name}), as {@link SafeStringDeserializer} does for typed bodies.
 */
final class SafeTreeDeserializer extends StdDeserializer<JsonNode> {

	SafeTreeDeserializer() {
		super(JsonNode.class);
	}

	@Override
	public JsonNode deserialize(JsonParser parser, DeserializationContext context) {

		var tree = (JsonNode) JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
		var path = new ArrayDeque<Object>();
		var unsafe = firstUnsafe(tree, path);
		if (unsafe != null) {
			var failure = InvalidFormatException.from(parser, SafeText.REFUSAL, unsafe, String.class);
			for (var segment : path) {
				if (segment instanceof Integer index) {
					failure.prependPath(tree, index);
				}
				else {
					failure.prependPath(tree, (String) segment);
				}
			}
			throw failure;
		}
		return tree;
	}

	@Override
	public JsonNode getNullValue(DeserializationContext context) {
		return context.getNodeFactory().nullNode();
	}

	/** The first unsafe text below {@code node}; {@code path} then holds its segments, innermost first. */
	private static @Nullable String firstUnsafe(JsonNode node, Deque<Object> path) {

		if (node.isString()) {
			return SafeText.isSafe(node.stringValue()) ? null : node.stringValue();
		}
		if (node.isObject()) {
			for (var property : node.properties()) {
				var found = SafeText.isSafe(property.getKey()) ? firstUnsafe(property.getValue(), path) : property.getKey();
				if (found != null) {
					path.addLast(property.getKey());
					return found;
				}
			}
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				var found = firstUnsafe(node.get(i), path);
				if (found != null) {
					path.addLast(i);
					return found;
				}
			}
		}
		return null;
	}
}
