package io.lazi.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.platform.test.BacklogBenchmark;
import io.lazi.platform.test.TestTokens;

/**
 * List and search latencies of the CRM records on 100,000 synthetic records of each kind in one tenant (accounts, each
 * with a contact, leads, tasks, and one manual opportunity per account), measured through the whole service stack in
 * process (security filter chain, controller, jOOQ, PostgreSQL, JSON) with MockMvc: the gateway's hop is not in it.
 * Rows are inserted set-based, then every query runs 30 times to warm up and 200 times measured, one after another.
 * Not part of {@code ./mvnw verify}; run it with {@code ./lazi bench crm-records}. The result goes to the log and to
 * {@code target/bench/crm-records.txt}, and with {@code -Dlazi.bench.record=true} a row is appended to
 * {@code docs/benchmarks.md}; only that every answer is a 200 with items is asserted.
 */
@CrmIntegrationTest
class CrmRecordsBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(CrmRecordsBenchmark.class);

	private static final int RECORDS = 100_000;

	private static final int WARM_UP = 30;

	private static final int MEASURED = 200;

	private final String tenant = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	private final String user = "bench-user";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	@Autowired
	CrmRecordsBenchmark(MockMvc mvc, DataSource dataSource) {
		this.mvc = mvc;
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void listsAndSearchesOneHundredThousandRecords() throws Exception {

		var token = TestTokens.user(user, List.of(tenant), List.of("MANAGER")).sign();
		// The first opportunity a user opens sets up the tenant's pipelines and stages, as it would in use.
		mvc.perform(post("/api/crm/opportunities").header("X-Tenant-ID", tenant)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"First\",\"pipeline\":\"SALES\"}")).andExpect(status().isCreated());
		var started = System.nanoTime();
		insert();
		var inserted = (System.nanoTime() - started) / 1e9;
		var queries = new LinkedHashMap<String, String>();
		queries.put("leads, first page (newest first)", "/api/crm/leads?size=50");
		queries.put("leads, status filter, page 100", "/api/crm/leads?status=qualified&page=100&size=50");
		queries.put("accounts, first page sorted by name", "/api/crm/accounts?size=50&sort=name,asc");
		queries.put("accounts, q=garc (name prefix)", "/api/crm/accounts?q=garc&size=50");
		queries.put("contacts, q=602555 (phone digits)", "/api/crm/contacts?q=6025551&size=50");
		queries.put("opportunities, first page", "/api/crm/opportunities?size=50");
		queries.put("tasks, my overdue", "/api/crm/tasks?assigneeId=me&overdue=true&size=50");
		queries.put("search q=olivia gar", "/api/crm/search?q=olivia gar");
		queries.put("search q=sunset (companies)", "/api/crm/search?q=sunset");
		var results = new LinkedHashMap<String, double[]>();
		for (var query : queries.entrySet()) {
			results.put(query.getKey(), measure(query.getValue(), token));
		}
		var report = report(inserted, results);
		LOG.info("\n{}", report);
		var file = Path.of("target", "bench", "crm-records.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		if (Boolean.getBoolean("lazi.bench.record")) {
			var rows = new ArrayList<String>();
			results.forEach((name, ms) -> rows.add(String.format("%s: p50 %.1f ms, p99 %.1f ms", name, ms[0], ms[2])));
			BacklogBenchmark.appendRows("crm records (100,000 each)", rows);
		}
	}

	/** Set-based inserts: a few statements, not 500,000 requests. */
	private void insert() {

		var first = "array['olivia','liam','emma','noah','ava','elijah','sophia','james','isabella','lucas','mia','mason','harper','ethan','amelia','logan','evelyn','aiden','abigail','carter']";
		var last = "array['garcia','nguyen','patel','kim','johnson','martinez','lee','brown','davis','lopez','wilson','anderson','thomas','moore','jackson','white','harris','clark','lewis','young']";
		var name = "initcap((" + first + ")[1 + i % 20]) || ' ' || initcap((" + last + ")[1 + (i / 20) % 20]) || ' ' || i";
		var phone = "'(602) 555-' || lpad((i % 10000)::text, 4, '0')";
		var at = "now() - make_interval(mins => i)";
		jdbc.sql("insert into account (tenant_id, id, name, type, email, phone, city, source, created_by, created_at, updated_at) "
				+ "select ?, gen_random_uuid(), " + name + ", case when i % 5 = 0 then 'commercial' else 'residential' end, "
				+ "'user' || i || '@example.com', " + phone + ", 'Phoenix', 'lazi', ?, " + at + ", " + at
				+ " from generate_series(1, ?) i")
			.params(tenant, user, RECORDS)
			.update();
		jdbc.sql("insert into contact (tenant_id, id, account_id, name, email, phone, is_primary, source, created_by, created_at, updated_at) "
				+ "select tenant_id, gen_random_uuid(), id, name, email, phone, true, 'lazi', created_by, created_at, updated_at "
				+ "from account where tenant_id = ?")
			.param(tenant)
			.update();
		jdbc.sql("insert into lead (tenant_id, id, name, company, email, phone, city, source, status, estimated_value, owner_id, "
				+ "score, created_by, created_at, updated_at) select ?, gen_random_uuid(), " + name
				+ ", case when i % 4 = 0 then (array['Sunset Property Management','Blue Lagoon HOA','Desert Palms Resort'])[1 + i % 3] end, "
				+ "'lead' || i || '@example.com', " + phone + ", 'Scottsdale', "
				+ "(array['website','referral','phone','social','email','event','other'])[1 + i % 7], "
				+ "(array['new','contacted','qualified','unqualified'])[1 + i % 4], 1000 + i % 20000, ?, i % 101, ?, " + at
				+ ", " + at + " from generate_series(1, ?) i")
			.params(tenant, user, user, RECORDS)
			.update();
		jdbc.sql("insert into task (tenant_id, id, title, type, priority, due_at, assignee_id, status, created_by, created_at, updated_at) "
				+ "select ?, gen_random_uuid(), 'Follow up ' || i, (array['call','email','meeting','follow_up','to_do'])[1 + i % 5], "
				+ "(array['low','medium','high','urgent'])[1 + i % 4], now() + make_interval(hours => (i % 400) - 200), "
				+ "case when i % 10 = 0 then ? else 'someone-' || (i % 50) end, 'open', ?, " + at + ", " + at
				+ " from generate_series(1, ?) i")
			.params(tenant, user, user, RECORDS)
			.update();
		jdbc.sql("insert into opportunity (tenant_id, id, source, pipeline, stage, status, title, monetary_value, account_id, "
				+ "stage_entered_at, created_at, updated_at, created_by) select a.tenant_id, gen_random_uuid(), 'lazi', 'SALES', "
				+ "'NEW_LEAD', 'open', a.name || ' replacement', 5000, a.id, a.created_at, a.created_at, a.updated_at, a.created_by "
				+ "from account a where a.tenant_id = ?")
			.param(tenant)
			.update();
		jdbc.sql("analyze").update();
		assertThat(jdbc.sql("select count(*) from opportunity where tenant_id = ?").param(tenant).query(Long.class).single())
			.isEqualTo(RECORDS + 1);
	}

	/** p50, p95, p99 in milliseconds. */
	private double[] measure(String path, String token) throws Exception {

		for (var i = 0; i < WARM_UP; i++) {
			call(path, token);
		}
		var times = new double[MEASURED];
		for (var i = 0; i < MEASURED; i++) {
			var start = System.nanoTime();
			call(path, token);
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return new double[] { times[MEASURED / 2], times[(int) (MEASURED * 0.95)], times[(int) (MEASURED * 0.99)] };
	}

	private void call(String path, String token) throws Exception {

		var response = mvc.perform(get(path).header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentAsString()).as(path).contains("\"items\":[{");
	}

	private String report(double insertedSeconds, Map<String, double[]> results) {

		var out = new StringBuilder();
		out.append("=== CRM records list and search benchmark ===\n");
		out.append(String.format("tenant      %s (synthetic)%n", tenant));
		out.append(String.format("records     %,d accounts, %,d contacts, %,d leads, %,d tasks, %,d opportunities (inserted in %.1f s)%n",
				RECORDS, RECORDS, RECORDS, RECORDS, RECORDS, insertedSeconds));
		out.append(String.format("requests    %d warm-up + %d measured per query, one at a time, in process (MockMvc)%n", WARM_UP,
				MEASURED));
		out.append(String.format("%-40s %9s %9s %9s%n", "query", "p50 ms", "p95 ms", "p99 ms"));
		results.forEach((name, ms) -> out.append(String.format("%-40s %9.1f %9.1f %9.1f%n", name, ms[0], ms[1], ms[2])));
		return out.toString();
	}
}
