package io.lazi.securitytests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one tenant's listings show, gathered through its own token from every variable-free GET route:
 * the ids they carry by field name ({@code stId}, {@code id}, {@code opportunityId}…) and the texts
 * (names, emails) that identify the tenant's objects in an answer.
 */
record TenantData(Map<String, Set<String>> ids, Set<String> texts) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> TEXT_FIELDS = Set.of("name", "displayName", "email", "title", "phone", "code");

	/** Reads every variable-free GET route of {@code routes} as {@code headers} at {@code baseUrl}. */
	static TenantData gather(String baseUrl, List<Route> routes, Map<String, String> headers) {

		var ids = new LinkedHashMap<String, Set<String>>();
		var texts = new LinkedHashSet<String>();
		for (var route : routes) {
			if (!route.method().equals("GET") || !route.variables().isEmpty() || route.pattern().contains("*")
					|| route.internal()) {
				continue;
			}
			// The largest page, so that a text counts as one tenant's only if the other has it nowhere.
			var reply = Http.get(baseUrl + route.pattern() + "?size=500", headers);
			if (reply.status() == 200 && (reply.body().startsWith("{") || reply.body().startsWith("["))) {
				walk(JSON.readTree(reply.body()), "", ids, texts);
			}
		}
		return new TenantData(ids, texts);
	}

	/** Ids of field {@code name}, else of any id field: a variable this suite has never seen still gets values. */
	List<String> idsFor(String name) {

		var exact = ids.get(name);
		if (exact != null && !exact.isEmpty()) {
			return new ArrayList<>(exact).subList(0, Math.min(3, exact.size()));
		}
		var any = new ArrayList<String>();
		ids.values().forEach(values -> values.stream().limit(1).forEach(any::add));
		return any.isEmpty() ? List.of("1") : any;
	}

	/** The texts of this tenant that {@code other} does not show. */
	Set<String> textsNotIn(TenantData other) {

		var own = new HashSet<>(texts);
		own.removeAll(other.texts);
		own.removeIf(text -> text.length() < 6);
		return own;
	}

	private static void walk(JsonNode node, String field, Map<String, Set<String>> ids, Set<String> texts) {

		if (node.isObject()) {
			for (var property : node.properties()) {
				walk(property.getValue(), property.getKey(), ids, texts);
			}
		}
		else if (node.isArray()) {
			node.forEach(item -> walk(item, field, ids, texts));
		}
		else if ((field.equals("id") || field.endsWith("Id")) && (node.isNumber() || node.isString())) {
			ids.computeIfAbsent(field, name -> new LinkedHashSet<>()).add(node.asString());
		}
		else if (TEXT_FIELDS.contains(field) && node.isString()) {
			texts.add(node.asString());
		}
	}
}
