package io.lazi.crm.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stages of both pipelines in their order (DESIGN §6). Manual stages are entered only by users;
 * protected stages are never left backwards.
 */
public enum Stage {

	NEW_LEAD(Pipeline.SALES, "New Lead", Entry.BY_RULE),
	CONTACTED(Pipeline.SALES, "Contacted", Entry.BY_RULE),
	APPOINTMENT_SCHEDULED(Pipeline.SALES, "Appointment Scheduled", Entry.BY_RULE),
	PROPOSAL_SENT(Pipeline.SALES, "Proposal Sent", Entry.BY_RULE),
	ESTIMATE_FOLLOW_UP(Pipeline.SALES, "Estimate Follow-up", Entry.MANUAL),
	JOB_SOLD(Pipeline.SALES, "Job Sold", Entry.PROTECTED),
	ESTIMATE_LOST(Pipeline.SALES, "Estimate Lost", Entry.PROTECTED),
	JOB_CREATED(Pipeline.INSTALL, "Estimate Approved / Job Created", Entry.BY_RULE),
	PRE_INSTALL_PLANNING(Pipeline.INSTALL, "Pre-Install Planning / Permitting", Entry.MANUAL),
	READY_FOR_INSTALL(Pipeline.INSTALL, "Scheduled / Ready for Install", Entry.BY_RULE),
	IN_PROGRESS(Pipeline.INSTALL, "In Progress / On Site", Entry.BY_RULE),
	ON_HOLD(Pipeline.INSTALL, "On Hold / Return Visit Needed", Entry.BY_RULE),
	JOB_COMPLETED(Pipeline.INSTALL, "Job Completed", Entry.BY_RULE);

	/** How a stage is entered and left. */
	private enum Entry {

		/** Entered by the rules or a user. */
		BY_RULE,

		/** Entered only by a user's manual move, never by a rule. */
		MANUAL,

		/** Never left backwards (Job Sold, Estimate Lost). */
		PROTECTED
	}

	/** Each stage's position, by ordinal: the rules ask for it on every derivation. */
	private static final int[] POSITIONS = Arrays.stream(values())
		.mapToInt(stage -> stage.ordinal() - of(stage.pipeline).getFirst().ordinal())
		.toArray();

	private final Pipeline pipeline;

	private final String displayName;

	private final Entry entry;

	Stage(Pipeline pipeline, String displayName, Entry entry) {
		this.pipeline = pipeline;
		this.displayName = displayName;
		this.entry = entry;
	}

	public Pipeline pipeline() {
		return pipeline;
	}

	/** Name shown to users and published in {@code crm.stage-moved}. */
	public String displayName() {
		return displayName;
	}

	/** 0-based order within the pipeline: the declaration order above. */
	public int position() {
		return POSITIONS[ordinal()];
	}

	/** Entered only by a user's manual move, never by a rule. */
	public boolean manual() {
		return entry == Entry.MANUAL;
	}

	/** Job Sold and Estimate Lost: never left backwards. */
	public boolean isProtected() {
		return entry == Entry.PROTECTED;
	}

	/** The status an opportunity in this stage has: won once sold (Install included), lost when lost. */
	public OpportunityStatus status() {
		if (this == ESTIMATE_LOST) {
			return OpportunityStatus.LOST;
		}
		return this == JOB_SOLD || pipeline == Pipeline.INSTALL ? OpportunityStatus.WON : OpportunityStatus.OPEN;
	}

	/** The stages of {@code pipeline} in order. */
	public static List<Stage> of(Pipeline pipeline) {
		return Arrays.stream(values()).filter(s -> s.pipeline == pipeline).toList();
	}

	/** The stage named {@code name} (enum name, case-insensitive), if any. */
	public static Optional<Stage> parse(String name) {
		return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
	}
}
