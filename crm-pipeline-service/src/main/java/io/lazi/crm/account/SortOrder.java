package io.lazi.crm.account;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;

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

		if (sort == null || sort.isBlank()) {
			return List.of(fields.get("createdAt").desc(), id.desc());
		}
		var parts = sort.split(",", -1);
		var field = fields.get(parts[0].strip());
		if (field == null || parts.length > 2) {
			throw new InvalidInputException("sort", "must be field[,asc|desc] with field one of "
					+ String.join(", ", fields.keySet().stream().sorted().toList()));
		}
		var direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		return switch (direction) {
			case "asc", "" -> List.of(field.asc().nullsLast(), id.asc());
			case "desc" -> List.of(field.desc().nullsLast(), id.desc());
			default -> throw new InvalidInputException("sort", "direction must be asc or desc");
		};
	}
}
