package io.lazi.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds the required fields a decoded payload lacks. A record component is required unless it is a
 * primitive (always present once decoded) or annotated {@link Nullable}; nested contract records are
 * checked the same way, elements of collections are not. The JSON Schemas in {@code docs/events/} state
 * the same rule in their {@code required} lists.
 */
final class RequiredFields {

	private RequiredFields() {
	}

	/** Dotted paths of the required components of {@code payload} that are null, e.g. {@code record.name}. */
	static List<String> missing(Record payload) {

		var missing = new ArrayList<String>();
		collect(payload, "", missing);
		return missing;
	}

	/** Whether {@code component} may be absent or null in a payload. */
	static boolean optional(RecordComponent component) {
		return component.getType().isPrimitive() || component.getAnnotatedType().isAnnotationPresent(Nullable.class);
	}

	private static void collect(Record value, String prefix, List<String> missing) {

		for (var component : value.getClass().getRecordComponents()) {
			if (component.getType().isPrimitive()) {
				continue;
			}
			var field = read(value, component);
			if (field == null && !optional(component)) {
				missing.add(prefix + component.getName());
			}
			else if (field instanceof Record nested && isContract(nested)) {
				collect(nested, prefix + component.getName() + ".", missing);
			}
		}
	}

	private static boolean isContract(Record value) {
		return value.getClass().getPackageName().equals(RequiredFields.class.getPackageName());
	}

	private static @Nullable Object read(Record value, RecordComponent component) {

		try {
			return component.getAccessor().invoke(value);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component + " of " + value.getClass().getName(), ex);
		}
	}
}
