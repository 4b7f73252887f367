package io.lazi.platform.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads JSON strings as Jackson does, then refuses those {@link SafeText} does not accept with an
 * {@link InvalidFormatException} whose path names the field (the problem advice answers 400 with it).
 */
final class SafeStringDeserializer extends StdScalarDeserializer<String> {

	SafeStringDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {

		var value = StringDeserializer.instance.deserialize(parser, context);
		if (value != null && !SafeText.isSafe(value)) {
			throw InvalidFormatException.from(parser, SafeText.REFUSAL, value, String.class);
		}
		return value;
	}
}
