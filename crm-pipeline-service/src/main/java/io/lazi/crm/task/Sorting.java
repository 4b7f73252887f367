package io.lazi.crm.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/**
 * The {@code sort} query parameter of a listing, {@code field[,asc|desc]} (ascending when no direction is given), as
 * jOOQ sort fields. Missing values always sort last, so tasks without a due time end the list either way.
 */
final class Sorting {

	private Sorting() {
	}

	/**
	 * The order {@code sort} asks for, then {@code tieBreakers}; {@code absent} then the tie-breakers without one.
	 *
	 * @param fields the sortable fields by their wire name, e.g. {@code dueAt}
	 * @throws InvalidInputException naming {@code sort} for an unknown field or direction
	 */
	static List<SortField<?>> parse(@Nullable String sort, Map<String, Field<?>> fields, List<SortField<?>> absent,
			List<SortField<?>> tieBreakers) {

		var order = new ArrayList<SortField<?>>();
		if (sort == null || sort.isBlank()) {
			order.addAll(absent);
		}
		else {
			var parts = sort.split(",", -1);
			var field = fields.get(parts[0].trim());
			if (field == null || parts.length > 2) {
				throw new InvalidInputException("sort", "must be one of " + String.join(", ", fields.keySet().stream().sorted().toList())
						+ ", optionally followed by ,asc or ,desc");
			}
			var direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
			order.add(switch (direction) {
				case "asc" -> field.asc().nullsLast();
				case "desc" -> field.desc().nullsLast();
				default -> throw new InvalidInputException("sort", "direction must be asc or desc");
			});
		}
		order.addAll(tieBreakers);
		return order;
	}
}
