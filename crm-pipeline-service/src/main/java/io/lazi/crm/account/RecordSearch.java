package io.lazi.crm.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.pipeline.Stage;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;

/**
 * One ranked search across the tenant's live accounts, contacts, leads and opportunities, over their {@code search}
 * columns (full text, dictionary {@code simple}: each word typed matches the start of a word, phone numbers by their
 * digits), in one statement: best {@code ts_rank} first, then newest. Thread-safe.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RecordSearch {

	/** Hits answered when the request names no size. */
	public static final int DEFAULT_SIZE = 20;

	/** Most hits answered. */
	public static final int MAX_SIZE = 100;

	/**
	 * Per record type, its best hits, each naming its columns (the first branch of a union names them otherwise):
	 * {@code ?} are the tenant and the size.
	 */
	private static final Map<String, String> BRANCHES = new LinkedHashMap<>();

	static {
		BRANCHES.put("account", """
				(select 'account' as type, a.id, a.name as title,
					nullif(concat_ws(' · ', a.city, a.email, a.phone), '') as subtitle, null::text as pipeline,
					null::text as stage, ts_rank(a.search, q.q) as rank, a.created_at
				from account a, q where a.tenant_id = ? and a.deleted_at is null and a.search @@ q.q
				order by 7 desc, a.created_at desc limit ?)""");
		BRANCHES.put("contact", """
				(select 'contact' as type, c.id, c.name as title,
					nullif(concat_ws(' · ', a.name, c.email, c.phone), '') as subtitle, null::text as pipeline,
					null::text as stage, ts_rank(c.search, q.q) as rank, c.created_at
				from contact c join account a on a.tenant_id = c.tenant_id and a.id = c.account_id, q
				where c.tenant_id = ? and c.deleted_at is null and c.search @@ q.q
				order by 7 desc, c.created_at desc limit ?)""");
		BRANCHES.put("lead", """
				(select 'lead' as type, l.id, l.name as title,
					nullif(concat_ws(' · ', l.company, coalesce(l.email, l.phone)), '') as subtitle, null::text as pipeline,
					null::text as stage, ts_rank(l.search, q.q) as rank, l.created_at
				from lead l, q where l.tenant_id = ? and l.deleted_at is null and l.search @@ q.q
				order by 7 desc, l.created_at desc limit ?)""");
		BRANCHES.put("opportunity", """
				(select 'opportunity' as type, o.id, o.title, null::text as subtitle, o.pipeline, o.stage,
					ts_rank(o.search, q.q) as rank, o.created_at
				from opportunity o, q where o.tenant_id = ? and o.deleted_at is null and o.search @@ q.q
				order by 7 desc, o.created_at desc limit ?)""");
	}

	private final DSLContext dsl;

	/**
	 * The best hits for {@code q}.
	 *
	 * @param types comma-separated among {@code account,contact,lead,opportunity}; null or blank: all four
	 * @param size 1..{@value #MAX_SIZE}; null: {@value #DEFAULT_SIZE}
	 * @throws InvalidInputException naming {@code q} (no word in it), {@code types} or {@code size}
	 */
	public SearchResult search(Tenant tenant, @Nullable String q, @Nullable String types, @Nullable Integer size) {

		var tsquery = SearchText.tsquery(q, "q");
		var limit = size == null ? DEFAULT_SIZE : size;
		if (limit < 1 || limit > MAX_SIZE) {
			throw new InvalidInputException("size", "must be 1.." + MAX_SIZE);
		}
		var sql = new StringBuilder("with q as (select to_tsquery('simple', ?) as q)\n"
				+ "select type, id, title, subtitle, pipeline, stage, rank from (\n");
		var binds = new ArrayList<Object>();
		binds.add(tsquery);
		var first = true;
		for (var type : types(types)) {
			sql.append(first ? "" : "\nunion all\n").append(BRANCHES.get(type));
			binds.add(tenant.id());
			binds.add(limit);
			first = false;
		}
		sql.append("\n) hits order by rank desc, created_at desc, id limit ?");
		binds.add(limit);
		return new SearchResult(dsl.fetch(sql.toString(), binds.toArray()).map(RecordSearch::hit));
	}

	private static List<String> types(@Nullable String types) {

		if (types == null || types.isBlank()) {
			return List.copyOf(BRANCHES.keySet());
		}
		var wanted = new LinkedHashSet<String>();
		for (var type : types.split(",")) {
			var t = type.strip().toLowerCase(Locale.ROOT);
			if (!BRANCHES.containsKey(t)) {
				throw new InvalidInputException("types", "must be a comma-separated list of "
						+ String.join(", ", BRANCHES.keySet()));
			}
			wanted.add(t);
		}
		return List.copyOf(wanted);
	}

	private static SearchHit hit(Record r) {

		var type = r.get("type", String.class);
		var subtitle = r.get("subtitle", String.class);
		if ("opportunity".equals(type)) {
			subtitle = stage(r.get("pipeline", String.class), r.get("stage", String.class));
		}
		return new SearchHit(type, r.get("id", UUID.class), r.get("title", String.class), subtitle,
				r.get("rank", Double.class));
	}

	/** {@code Sales · Proposal Sent}: the names users see. */
	private static @Nullable String stage(@Nullable String pipeline, @Nullable String stage) {

		var known = stage == null ? null : Stage.parse(stage).orElse(null);
		if (known != null) {
			return known.pipeline().displayName() + " · " + known.displayName();
		}
		var parts = Arrays.stream(new @Nullable String[] { pipeline, stage }).filter(p -> p != null).toList();
		return parts.isEmpty() ? null : String.join(" · ", parts);
	}
}
