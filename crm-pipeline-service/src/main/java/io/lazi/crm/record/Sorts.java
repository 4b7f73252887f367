package io.lazi.crm.record;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/**
 * A listing's {@code sort} query parameter, {@code field[,asc|desc]} (ascending when no direction is given, the
 * direction case-insensitive), as a jOOQ sort field with missing values last. Each listing adds its own default and
 * its id as the tie-breaker, so that pages never overlap.
 */
public final class Sorts {

	private Sorts() {
	}

	/**
	 * The order {@code sort} asks for; empty when it is absent or blank.
	 *
	 * @param fields the sortable columns by their wire name, e.g. {@code createdAt}
	 * @throws InvalidInputException naming {@code sort} for an unknown field or direction
	 */
	public static Optional<SortField<?>> parse(@Nullable String sort, Map<String, ? extends Field<?>> fields) {

		if (sort == null || sort.isBlank()) {
			return Optional.empty();
		}
		var parts = sort.split(",", -1);
		var field = fields.get(parts[0].strip());
		if (field == null || parts.length > 2) {
			throw new InvalidInputException("sort", "must be field[,asc|desc] with field one of "
					+ String.join(", ", fields.keySet().stream().sorted().toList()));
		}
		var direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		return Optional.of(switch (direction) {
			case "asc", "" -> field.asc().nullsLast();
			case "desc" -> field.desc().nullsLast();
			default -> throw new InvalidInputException("sort", "direction must be asc or desc");
		});
	}
}
