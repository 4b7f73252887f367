package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import io.lazi.platform.events.CategoryFetched;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StCategory;
import io.lazi.platform.events.SyncType;
import io.lazi.platform.events.Topics;
import io.lazi.platform.kafka.CloudEventCodec;
import io.lazi.platform.test.BacklogBenchmark;
import io.lazi.pricebook.category.StIngestEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw → tree throughput of the whole service on a synthetic pricebook of 100,000 categories (1,000 roots, a
 * random tree never deeper than 8 levels below a root, as ServiceTitan allows): every root is a real
 * {@code CategoryFetched} CloudEvent on {@code st.raw.categories}, sent while the listener is paused; the clock
 * runs from resuming it until every root is applied (the last node committed). Then 1 % of the nodes are
 * renamed and the roots holding them published again as an incremental run, as st-ingest does, and timed the
 * same way. Checks the stored tree (every path its parent's plus its id, every name). Not part of
 * {@code ./mvnw verify}; {@code ./lazi bench pricebook} runs it. The result goes to the log and to
 * {@code target/bench/pricebook-ingest.txt}, and with {@code -Dlazi.bench.record=true} rows are appended to
 * {@code docs/benchmarks.md}.
 */
@PricebookIntegrationTest
class PricebookIngestBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(PricebookIngestBenchmark.class);

	private static final int NODES = 100_000;

	private static final int ROOTS = 1_000;

	private static final int MAX_DEPTH = 8;

	private static final String LISTENER = "pricebook-raw-categories";

	private static final Instant MODIFIED = Instant.parse("2026-01-05T08:00:00Z");

	private final String tenant = StIngestEvents.newTenant();

	private final Random random = new Random(7);

	private final KafkaTemplate<String, byte[]> kafka;

	private final KafkaListenerEndpointRegistry listeners;

	private final CloudEventCodec codec;

	private final JdbcClient jdbc;

	/** Per node (index = id - FIRST_ID): its parent's index (-1 for a root), depth and name. */
	private final int[] parent = new int[NODES];

	private final int[] depth = new int[NODES];

	private final String[] names = new String[NODES];

	private static final long FIRST_ID = 70_000_001L;

	@Autowired
	PricebookIngestBenchmark(KafkaTemplate<String, byte[]> kafka, KafkaListenerEndpointRegistry listeners,
			JsonMapper json, DataSource dataSource) {
		this.kafka = kafka;
		this.listeners = listeners;
		this.codec = new CloudEventCodec(json, URI.create("/lazi/st-ingest-service"));
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void buildsTheTreeOfAHundredThousandCategoriesThenAppliesOnePercentChanged() throws Exception {

		generate();
		var allRoots = new ArrayList<Integer>();
		for (var i = 0; i < ROOTS; i++) {
			allRoots.add(i);
		}
		var full = timedRun(SyncType.FULL, allRoots);
		assertTree();

		var renamed = new HashSet<Integer>();
		while (renamed.size() < NODES / 100) {
			renamed.add(random.nextInt(NODES));
		}
		var touchedRoots = new HashSet<Integer>();
		for (var node : renamed) {
			names[node] = names[node] + " (renamed)";
			touchedRoots.add(rootOf(node));
		}
		var incremental = timedRun(SyncType.INCREMENTAL, List.copyOf(touchedRoots));
		assertTree();

		var report = report(full, incremental, renamed.size());
		LOG.info("\n{}", report);
		var file = Path.of("target", "bench", "pricebook-ingest.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		if (Boolean.getBoolean("lazi.bench.record")) {
			BacklogBenchmark.appendRows("pricebook ingest", List.of(
					String.format("full: %,d nodes (%,d roots) in %.2f s, %,.0f nodes/s", full.nodes(), full.roots(),
							full.seconds(), full.nodes() / full.seconds()),
					String.format("incremental, %,d nodes renamed: %,d roots (%,d nodes) in %.2f s, %.1f %% of the full run",
							renamed.size(), incremental.roots(), incremental.nodes(), incremental.seconds(),
							100 * incremental.seconds() / full.seconds())));
		}
	}

	/** A random recursive tree: each non-root node under a random earlier node that is not at the maximum depth. */
	private void generate() {

		for (var i = 0; i < NODES; i++) {
			if (i < ROOTS) {
				parent[i] = -1;
				depth[i] = 0;
			}
			else {
				int p;
				do {
					p = random.nextInt(i);
				}
				while (depth[p] >= MAX_DEPTH);
				parent[i] = p;
				depth[i] = depth[p] + 1;
			}
			names[i] = "Category " + (FIRST_ID + i);
		}
	}

	private int rootOf(int node) {

		var at = node;
		while (parent[at] >= 0) {
			at = parent[at];
		}
		return at;
	}

	/** One run: the roots published while the listener is paused, then timed from resuming to the last applied. */
	private Timed timedRun(SyncType type, List<Integer> roots) throws Exception {

		var run = UUID.randomUUID();
		var trees = trees(Set.copyOf(roots));
		var records = new ArrayList<ProducerRecord<String, byte[]>>(roots.size());
		var nodes = 0;
		for (var root : roots) {
			var tree = trees.get(root);
			nodes += count(tree);
			var payload = new CategoryFetched(tenant, run, type, Instant.now(), tree);
			records.add(codec.toRecord(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), Topics.ST_RAW_CATEGORIES,
					tenant + ":" + tree.id(), Events.CATEGORY_FETCHED.name(), Long.toString(tree.id()), tenant,
					codec.serialize(payload)));
		}
		var timing = BacklogBenchmark.applyBacklog(listeners.getListenerContainer(LISTENER), kafka, records,
				() -> rootsApplied(run) >= roots.size(), Duration.ofMinutes(20));
		return new Timed(roots.size(), nodes, timing.applyNanos());
	}

	/** The trees of {@code roots}, by root index, built bottom-up (children have larger indices than parents). */
	private Map<Integer, StCategory> trees(Set<Integer> roots) {

		var children = new ArrayList<List<Integer>>(NODES);
		for (var i = 0; i < NODES; i++) {
			children.add(new ArrayList<>());
		}
		for (var i = ROOTS; i < NODES; i++) {
			children.get(parent[i]).add(i);
		}
		var built = new StCategory[NODES];
		for (var i = NODES - 1; i >= 0; i--) {
			var kids = children.get(i).stream().map(k -> built[k]).toList();
			children.get(i).forEach(k -> built[k] = null);
			built[i] = category(i, kids);
		}
		var trees = new HashMap<Integer, StCategory>();
		roots.forEach(root -> trees.put(root, built[root]));
		return trees;
	}

	private StCategory category(int index, List<StCategory> children) {

		var id = FIRST_ID + index;
		var parentId = parent[index] < 0 ? null : FIRST_ID + parent[index];
		var position = parent[index] < 0 ? index + 1 : positionAmongSiblings(index);
		return new StCategory(id, names[index], true, null, index % 3 == 0 ? "Images/Category/b-" + id + ".png" : null,
				parentId, position, "Services", children, List.of(7001L), List.of(), List.of(), null, null, false,
				MODIFIED, MODIFIED);
	}

	private final Map<Integer, Integer> positions = new HashMap<>();

	/** 1-based, in id order among the parent's children; stable across runs. */
	private int positionAmongSiblings(int index) {

		if (positions.isEmpty()) {
			var next = new int[NODES];
			for (var i = ROOTS; i < NODES; i++) {
				positions.put(i, ++next[parent[i]]);
			}
		}
		return positions.get(index);
	}

	private static int count(StCategory node) {
		return 1 + node.children().stream().mapToInt(PricebookIngestBenchmark::count).sum();
	}

	private int rootsApplied(UUID run) {
		return jdbc.sql("select coalesce(max(roots_applied), 0) from sync_apply where tenant_id = ? and sync_run_id = ?")
			.params(tenant, run)
			.query(Integer.class)
			.single();
	}

	/** Every node stored, active, with its name, under its parent, at its parent's path plus its id. */
	private void assertTree() {

		assertThat(jdbc.sql("select count(*) from category where tenant_id = ? and active").param(tenant)
			.query(Integer.class).single()).isEqualTo(NODES);
		assertThat(jdbc.sql("""
				select count(*) from category c join category p on p.tenant_id = c.tenant_id and p.st_id = c.parent_st_id
				where c.tenant_id = ? and (c.path <> p.path || c.st_id::text::ltree or c.depth <> p.depth + 1
					or c.root_st_id <> p.root_st_id)""").param(tenant).query(Integer.class).single())
			.as("nodes whose path, depth or root does not follow their parent's").isZero();
		var stored = new HashMap<Long, String>();
		jdbc.sql("select st_id, name from category where tenant_id = ?").param(tenant)
			.query((rs, row) -> stored.put(rs.getLong(1), rs.getString(2))).list();
		for (var i = 0; i < NODES; i++) {
			assertThat(stored.get(FIRST_ID + i)).isEqualTo(names[i]);
		}
	}

	private static String report(Timed full, Timed incremental, int renamed) {

		var out = new StringBuilder();
		out.append("=== Pricebook raw -> tree benchmark ===\n");
		out.append(String.format("full run             %,d roots, %,d nodes in %.2f s: %,.0f nodes/s%n", full.roots(),
				full.nodes(), full.seconds(), full.nodes() / full.seconds()));
		out.append(String.format("incremental run      %,d nodes renamed (1 %%), %,d roots holding them (%,d nodes) in %.2f s: "
				+ "%.1f %% of the full run%n", renamed, incremental.roots(), incremental.nodes(), incremental.seconds(),
				100 * incremental.seconds() / full.seconds()));
		out.append(String.format("cpus                 %d%n", Runtime.getRuntime().availableProcessors()));
		return out.toString();
	}

	private record Timed(int roots, int nodes, long nanos) {

		double seconds() {
			return nanos / 1e9;
		}
	}
}
