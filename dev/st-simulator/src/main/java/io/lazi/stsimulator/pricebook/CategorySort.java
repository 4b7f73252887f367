package io.lazi.stsimulator.pricebook;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code sort} argument of the category list: {@code +Id}, {@code -Id}, {@code +Name} or
 * {@code -Name} (a missing sign means ascending).
 *
 * @param byName whether to sort by name rather than by id
 * @param ascending the direction
 */
public record CategorySort(boolean byName, boolean ascending) {

	/** ServiceTitan's default order: by id, ascending. */
	public static final CategorySort DEFAULT = new CategorySort(false, true);

	/**
	 * Parses the wire value. A leading space counts as {@code +}, because an unencoded {@code +} in a
	 * query string decodes to a space.
	 *
	 * @param value the wire value
	 * @return the sort, empty when the field is not one the endpoint allows
	 */
	public static Optional<CategorySort> parse(String value) {

		var ascending = !value.startsWith("-");
		var field = value.strip().replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
		return switch (field) {
			case "id" -> Optional.of(new CategorySort(false, ascending));
			case "name" -> Optional.of(new CategorySort(true, ascending));
			default -> Optional.empty();
		};
	}

	/**
	 * @return the comparator this sort stands for, ties broken by id
	 */
	public Comparator<Category> comparator() {

		Comparator<Category> order = byName
				? Comparator.comparing(Category::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Category::id)
				: Comparator.comparingLong(Category::id);
		return ascending ? order : order.reversed();
	}
}
