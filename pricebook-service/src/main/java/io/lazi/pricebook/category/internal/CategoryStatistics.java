package io.lazi.pricebook.category.internal;

import java.util.concurrent.atomic.AtomicLong;

import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's statistics of the {@code category} table in step with a pricebook that grows fast. A
 * tenant's first full sync inserts up to 100,000 rows within a minute, long before autovacuum analyzes the
 * table, and plans made on the statistics of a nearly empty table scanned the whole table for each root's
 * lookup by id: the sync slowed down with every root. Once the rows this instance inserted since the last
 * analyze reach the table's size at that analyze (at least {@value #MIN_ROWS}), it analyzes again, so a table
 * growing from nothing to n rows is analyzed about log2(n / {@value #MIN_ROWS}) times. Thread-safe.
 */
@Component
@RequiredArgsConstructor
public class CategoryStatistics {

	/** Rows inserted before the first analyze; below it, any plan is fast. */
	static final long MIN_ROWS = 1_000;

	private static final Logger LOG = LoggerFactory.getLogger(CategoryStatistics.class);

	private final DSLContext dsl;

	private final AtomicLong inserted = new AtomicLong();

	private volatile long threshold = MIN_ROWS;

	/** Counts {@code rows} newly inserted (in the caller's transaction) and analyzes the table when due. */
	public void inserted(int rows) {

		if (rows <= 0 || inserted.addAndGet(rows) < threshold) {
			return;
		}
		synchronized (this) {
			if (inserted.get() < threshold) {
				return;
			}
			var began = System.nanoTime();
			dsl.execute("analyze category");
			var estimated = dsl.fetchValue("select reltuples::bigint from pg_class where oid = 'category'::regclass");
			var rowsNow = estimated instanceof Number number ? number.longValue() : 0L;
			threshold = Math.max(MIN_ROWS, rowsNow);
			inserted.set(0);
			LOG.info("Analyzed category after fast growth: about {} rows, in {} ms; next after {} more inserted", rowsNow,
					(System.nanoTime() - began) / 1_000_000, threshold);
		}
	}
}
