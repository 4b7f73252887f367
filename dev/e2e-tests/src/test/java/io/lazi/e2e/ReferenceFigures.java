package io.lazi.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Reads the reference tenant's published figures (DESIGN §1, §6) out of the stats documents the gateway serves. */
final class ReferenceFigures {

	private ReferenceFigures() {
	}

	/**
	 * Sales stage counts by name (non-empty only) and the Install pipeline's total.
	 * @param stats the body of {@code GET /api/crm/sync/stats}
	 * @return e.g. {@code Sales/Contacted=37, Sales/Proposal Sent=38, Install=16}
	 */
	static Map<String, Integer> stageCounts(JsonNode stats) {

		var counts = new LinkedHashMap<String, Integer>();
		for (var pipeline : stats.path("pipelines")) {
			var name = pipeline.path("name").asString();
			if ("Install".equals(name)) {
				counts.put(name, pipeline.path("count").asInt());
				continue;
			}
			for (var stage : pipeline.path("stages")) {
				if (stage.path("count").asInt() > 0) {
					counts.put(name + "/" + stage.path("name").asString(), stage.path("count").asInt());
				}
			}
		}
		return counts;
	}

	/**
	 * Subcategories per depth 1 to 8.
	 * @param stats the body of {@code GET /api/pricebook/categories/stats}
	 */
	static Map<Integer, Integer> depthCounts(JsonNode stats) {

		var counts = new LinkedHashMap<Integer, Integer>();
		for (int depth = 1; depth <= 8; depth++) {
			counts.put(depth, stats.path("subcategoriesByDepth").path(String.valueOf(depth)).asInt());
		}
		return counts;
	}
}
