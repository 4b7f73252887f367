package io.lazi.crm.pipeline;

import static org.jooq.impl.DSL.unnest;

import java.util.Collection;

import org.jooq.Field;
import org.jooq.Table;

/**
 * A set of ServiceTitan ids as a one-column table ({@code unnest} of one array parameter) to join facts to.
 * Joined, the lookup stays one index probe per id, or one hash join, even while a tenant's first full sync
 * grows its tables faster than PostgreSQL's statistics follow; {@code = any(…)} or {@code in (…)} against a
 * table believed small is a scan of every row of the tenant, compared with each id.
 *
 * @param table the table, aliased
 * @param id its {@code id} column
 */
record IdTable(Table<?> table, Field<Long> id) {

	static IdTable of(String alias, Collection<Long> ids) {

		var table = unnest(ids.toArray(Long[]::new)).as(alias, "id");
		return new IdTable(table, table.field("id", Long.class));
	}
}
