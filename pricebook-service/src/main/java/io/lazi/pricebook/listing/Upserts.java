package io.lazi.pricebook.listing;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.impl.DSL;

/** The {@code on conflict do update} side of an upsert: columns that take the proposed row's values. */
public final class Upserts {

	private Upserts() {
	}

	/** {@code column = excluded.column} for each of {@code columns}, in their order: for {@code .set(Map)}. */
	public static Map<Field<?>, Field<?>> fromExcluded(Field<?>... columns) {
		return fromExcluded(Arrays.asList(columns));
	}

	/** {@code column = excluded.column} for each of {@code columns}, in their order: for {@code .set(Map)}. */
	public static Map<Field<?>, Field<?>> fromExcluded(Collection<? extends Field<?>> columns) {

		var assignments = new LinkedHashMap<Field<?>, Field<?>>();
		columns.forEach(column -> assignments.put(column, DSL.excluded(column)));
		return assignments;
	}

	/** The proposed row's value of each of {@code columns}, in their order. */
	public static List<Field<?>> excluded(Collection<? extends Field<?>> columns) {
		return columns.stream().<Field<?>>map(DSL::excluded).toList();
	}
}
