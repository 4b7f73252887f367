package io.lazi.crm.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Business-unit name → pipeline (DESIGN §6): the tenant's own patterns first, then the defaults
 * ({@code * - Sales}, {@code * - Service} → Sales, {@code * - Install} → Install). Immutable, thread-safe.
 */
final class BusinessUnitMapping {

	private final List<Rule> defaults;

	private final Map<String, List<Rule>> perTenant;

	BusinessUnitMapping(PipelineSettings settings) {
		this.defaults = rules(settings.businessUnits());
		var tenants = new java.util.HashMap<String, List<Rule>>();
		settings.tenants().forEach((tenant, patterns) -> tenants.put(tenant, rules(patterns)));
		this.perTenant = Map.copyOf(tenants);
	}

	/** The pipeline of the business unit named {@code name} for {@code tenantId}; empty when none matches. */
	Optional<Pipeline> pipeline(String tenantId, @Nullable String name) {

		if (name == null) {
			return Optional.empty();
		}
		return match(perTenant.getOrDefault(tenantId, List.of()), name).or(() -> match(defaults, name));
	}

	private static Optional<Pipeline> match(List<Rule> rules, String name) {
		return rules.stream().filter(r -> r.pattern().matcher(name.trim()).matches()).map(Rule::pipeline).findFirst();
	}

	private static List<Rule> rules(Map<String, Pipeline> patterns) {

		var rules = new ArrayList<Rule>();
		patterns.forEach((glob, pipeline) -> rules.add(new Rule(glob(glob), pipeline)));
		// Longer, more specific patterns first, so that overlapping patterns resolve deterministically.
		rules.sort((a, b) -> Integer.compare(b.pattern().pattern().length(), a.pattern().pattern().length()));
		return List.copyOf(rules);
	}

	private static Pattern glob(String glob) {

		var regex = new StringBuilder();
		for (var part : glob.trim().split("\\*", -1)) {
			regex.append(Pattern.quote(part)).append(".*");
		}
		regex.setLength(regex.length() - 2);
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private record Rule(Pattern pattern, Pipeline pipeline) {
	}
}
