package io.lazi.crm.project;

import static io.lazi.crm.jooq.Tables.BUSINESS_UNIT;
import static io.lazi.crm.jooq.Tables.MILESTONE_TEMPLATE;
import static org.jooq.impl.DSL.excluded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.crm.project.ProjectViews.TemplateMilestone;
import io.lazi.crm.project.ProjectViews.TemplateView;
import io.lazi.crm.project.ProjectViews.TemplatesView;
import io.lazi.platform.web.InvalidInputException;
import io.lazi.platform.web.Tenant;

/**
 * The milestones new install projects start with: per ServiceTitan business unit, the tenant's default (stored as
 * business unit 0), else {@link #BUILT_IN}. Changing a template changes only projects opened afterwards.
 * Thread-safe.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MilestoneTemplates {

	/** The template of a project when neither its business unit nor its tenant has one. */
	public static final List<TemplateMilestone> BUILT_IN = List.of(new TemplateMilestone("permit", "Permit", 7),
			new TemplateMilestone("materials", "Materials", 14),
			new TemplateMilestone("install_scheduled", "Install scheduled", 21),
			new TemplateMilestone("inspection", "Inspection", 35),
			new TemplateMilestone("completed", "Completed", 42));

	/** Most milestones one template may hold. */
	public static final int MAX_MILESTONES = 50;

	/** Largest offset of a milestone from the project's start, in days (about ten years). */
	public static final int MAX_OFFSET_DAYS = 3650;

	/** {@code business_unit_id} of the tenant's default template. */
	static final long TENANT_DEFAULT = 0;

	private static final Pattern KEY = Pattern.compile("[a-z0-9_-]{1,50}");

	private final DSLContext dsl;

	/** The tenant's templates (its default first, then by business unit id) and the built-in one. */
	@Transactional(readOnly = true)
	public TemplatesView all(Tenant tenant) {

		var byUnit = new LinkedHashMap<Long, List<TemplateMilestone>>();
		var names = new LinkedHashMap<Long, String>();
		dsl.select(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID, MILESTONE_TEMPLATE.KEY, MILESTONE_TEMPLATE.NAME,
				MILESTONE_TEMPLATE.OFFSET_DAYS, BUSINESS_UNIT.NAME)
			.from(MILESTONE_TEMPLATE)
			.leftJoin(BUSINESS_UNIT)
			.on(BUSINESS_UNIT.TENANT_ID.eq(MILESTONE_TEMPLATE.TENANT_ID)
				.and(BUSINESS_UNIT.ST_ID.eq(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID)))
			.where(MILESTONE_TEMPLATE.TENANT_ID.eq(tenant.id()))
			.orderBy(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID, MILESTONE_TEMPLATE.POSITION, MILESTONE_TEMPLATE.KEY)
			.forEach(r -> {
				byUnit.computeIfAbsent(r.value1(), unit -> new ArrayList<>())
					.add(new TemplateMilestone(r.value2(), r.value3(), r.value4()));
				if (r.value5() != null) {
					names.put(r.value1(), r.value5());
				}
			});
		var templates = new ArrayList<TemplateView>();
		byUnit.forEach((unit, milestones) -> templates.add(view(unit, names.get(unit), milestones)));
		return new TemplatesView(templates, BUILT_IN);
	}

	/**
	 * Replaces the template of a business unit, or the tenant's default: an empty list removes it, so that projects
	 * fall back to the tenant's default (or the built-in template).
	 *
	 * @param businessUnitId a ServiceTitan business unit the tenant has, or null for the tenant's default
	 * @param milestones in order; keys unique
	 * @throws InvalidInputException naming {@code businessUnitId} when the tenant has no such business unit, or
	 *         {@code milestones}, {@code milestones[i].key}, {@code milestones[i].name} or
	 *         {@code milestones[i].offsetDays} when a milestone is malformed
	 */
	@Transactional
	public TemplateView replace(Tenant tenant, @Nullable Long businessUnitId, List<TemplateMilestone> milestones) {

		check(milestones);
		String unitName = null;
		if (businessUnitId != null) {
			unitName = dsl.select(BUSINESS_UNIT.NAME)
				.from(BUSINESS_UNIT)
				.where(BUSINESS_UNIT.TENANT_ID.eq(tenant.id()).and(BUSINESS_UNIT.ST_ID.eq(businessUnitId)))
				.fetchOptional(BUSINESS_UNIT.NAME)
				.orElseThrow(() -> new InvalidInputException("businessUnitId",
						"business unit " + businessUnitId + " does not exist"));
		}
		var unit = businessUnitId == null ? TENANT_DEFAULT : businessUnitId;
		var keys = milestones.stream().map(TemplateMilestone::key).toList();
		dsl.deleteFrom(MILESTONE_TEMPLATE)
			.where(MILESTONE_TEMPLATE.TENANT_ID.eq(tenant.id()))
			.and(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID.eq(unit))
			.and(MILESTONE_TEMPLATE.KEY.notIn(keys))
			.execute();
		if (!milestones.isEmpty()) {
			// An upsert rather than insert-after-delete: two concurrent replacements end with one of the lists
			// (positions decide the order) instead of a duplicate key.
			var insert = dsl.insertInto(MILESTONE_TEMPLATE, MILESTONE_TEMPLATE.TENANT_ID,
					MILESTONE_TEMPLATE.BUSINESS_UNIT_ID, MILESTONE_TEMPLATE.KEY, MILESTONE_TEMPLATE.NAME,
					MILESTONE_TEMPLATE.POSITION, MILESTONE_TEMPLATE.OFFSET_DAYS);
			for (var i = 0; i < milestones.size(); i++) {
				var m = milestones.get(i);
				insert = insert.values(tenant.id(), unit, m.key(), m.name(), i, m.offsetDays());
			}
			insert.onConflict(MILESTONE_TEMPLATE.TENANT_ID, MILESTONE_TEMPLATE.BUSINESS_UNIT_ID, MILESTONE_TEMPLATE.KEY)
				.doUpdate()
				.set(MILESTONE_TEMPLATE.NAME, excluded(MILESTONE_TEMPLATE.NAME))
				.set(MILESTONE_TEMPLATE.POSITION, excluded(MILESTONE_TEMPLATE.POSITION))
				.set(MILESTONE_TEMPLATE.OFFSET_DAYS, excluded(MILESTONE_TEMPLATE.OFFSET_DAYS))
				.execute();
		}
		return view(unit, unitName, List.copyOf(milestones));
	}

	/**
	 * The milestones for projects of each of {@code businessUnitIds} (null: no business unit known): the unit's
	 * template, else the tenant's default, else {@link #BUILT_IN}; one query.
	 */
	Map<@Nullable Long, List<TemplateMilestone>> resolve(String tenantId, Collection<@Nullable Long> businessUnitIds) {

		var wanted = new HashSet<Long>();
		wanted.add(TENANT_DEFAULT);
		businessUnitIds.stream().filter(Objects::nonNull).forEach(wanted::add);
		var stored = new LinkedHashMap<Long, List<TemplateMilestone>>();
		dsl.select(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID, MILESTONE_TEMPLATE.KEY, MILESTONE_TEMPLATE.NAME,
				MILESTONE_TEMPLATE.OFFSET_DAYS)
			.from(MILESTONE_TEMPLATE)
			.where(MILESTONE_TEMPLATE.TENANT_ID.eq(tenantId))
			.and(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID.in(wanted))
			.orderBy(MILESTONE_TEMPLATE.BUSINESS_UNIT_ID, MILESTONE_TEMPLATE.POSITION, MILESTONE_TEMPLATE.KEY)
			.forEach(r -> stored.computeIfAbsent(r.value1(), unit -> new ArrayList<>())
				.add(new TemplateMilestone(r.value2(), r.value3(), r.value4())));
		var fallback = stored.getOrDefault(TENANT_DEFAULT, BUILT_IN);
		var resolved = new HashMap<@Nullable Long, List<TemplateMilestone>>();
		for (var unit : businessUnitIds) {
			resolved.put(unit, unit == null ? fallback : stored.getOrDefault(unit, fallback));
		}
		return resolved;
	}

	private static TemplateView view(long unit, @Nullable String name, List<TemplateMilestone> milestones) {
		return unit == TENANT_DEFAULT ? new TemplateView(null, null, milestones)
				: new TemplateView(unit, name, milestones);
	}

	private static void check(List<TemplateMilestone> milestones) {

		if (milestones.size() > MAX_MILESTONES) {
			throw new InvalidInputException("milestones", "must hold at most " + MAX_MILESTONES + " milestones");
		}
		var keys = new HashSet<String>();
		for (var i = 0; i < milestones.size(); i++) {
			var m = milestones.get(i);
			var at = "milestones[" + i + "].";
			if (m.key() == null || !KEY.matcher(m.key()).matches()) {
				throw new InvalidInputException(at + "key",
						"is required: 1..50 lower-case letters, digits, _ or -, e.g. install_scheduled");
			}
			if (!keys.add(m.key())) {
				throw new InvalidInputException(at + "key", "repeats " + m.key() + ": keys are unique in a template");
			}
			if (m.name() == null || m.name().isBlank() || m.name().length() > 200) {
				throw new InvalidInputException(at + "name", "is required, at most 200 characters");
			}
			if (m.offsetDays() < 0 || m.offsetDays() > MAX_OFFSET_DAYS) {
				throw new InvalidInputException(at + "offsetDays", "must be 0.." + MAX_OFFSET_DAYS);
			}
		}
	}
}
