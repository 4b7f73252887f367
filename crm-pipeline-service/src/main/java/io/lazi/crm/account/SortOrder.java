package io.lazi.crm.account;

import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.Sorts;
import io.lazi.platform.web.InvalidInputException;

/**
 * A listing's {@code sort=field[,asc|desc]} as jOOQ sort fields, ending in the id so that pages never overlap.
 *
 * @param fields the sortable wire names and their columns
 * @param id the tie-breaker
 */
record SortOrder(Map<String, Field<?>> fields, Field<?> id) {

	/**
	 * The order {@code sort} asks for; without one, newest {@code createdAt} first.
	 *
	 * @throws InvalidInputException naming {@code sort} for an unknown field or direction
	 */
	List<SortField<?>> parse(@Nullable String sort) {

		var field = Sorts.parse(sort, fields).orElse(fields.get("createdAt").desc());
		return List.of(field, id.sort(field.getOrder()));
	}
}
