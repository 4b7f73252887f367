package io.lazi.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds the required fields a decoded payload lacks. A record component is required unless it is a
 * primitive (always present once decoded) or annotated {@link Nullable}; nested contract records are
 * checked the same way, elements of collections are not. The JSON Schemas in {@code docs/events/} state
 * the same rule in their {@code required} lists.
 */
final class RequiredFields {

	/**
	 * The non-primitive components of each record class, looked up once: the check runs for every
	 * consumed event, and reflecting on the class each time would repeat the same work.
	 */
	private static final ClassValue<List<Checked>> COMPONENTS = new ClassValue<>() {

		@Override
		protected List<Checked> computeValue(Class<?> type) {
			return Arrays.stream(type.getRecordComponents())
				.filter(component -> !component.getType().isPrimitive())
				.map(component -> new Checked(component, optional(component)))
				.toList();
		}
	};

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

		for (var checked : COMPONENTS.get(value.getClass())) {
			var component = checked.component();
			var field = read(value, component);
			if (field == null && !checked.optional()) {
				missing.add(prefix + component.getName());
			}
			else if (field instanceof Record nested && isContract(nested)) {
				collect(nested, prefix + component.getName() + ".", missing);
			}
		}
	}

	/** A non-primitive component and whether it may be null. */
	private record Checked(RecordComponent component, boolean optional) {
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
