package io.lazi.crm.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.Sorts;
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
		Sorts.parse(sort, fields).ifPresentOrElse(order::add, () -> order.addAll(absent));
		order.addAll(tieBreakers);
		return order;
	}
}
