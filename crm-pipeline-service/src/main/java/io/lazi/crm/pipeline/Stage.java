package io.lazi.crm.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stages of both pipelines in their order (DESIGN §6). Manual stages are entered only by users;
 * protected stages are never left backwards.
 */
public enum Stage {

	NEW_LEAD(Pipeline.SALES, "New Lead", 0, false, false),
	CONTACTED(Pipeline.SALES, "Contacted", 1, false, false),
	APPOINTMENT_SCHEDULED(Pipeline.SALES, "Appointment Scheduled", 2, false, false),
	PROPOSAL_SENT(Pipeline.SALES, "Proposal Sent", 3, false, false),
	ESTIMATE_FOLLOW_UP(Pipeline.SALES, "Estimate Follow-up", 4, true, false),
	JOB_SOLD(Pipeline.SALES, "Job Sold", 5, false, true),
	ESTIMATE_LOST(Pipeline.SALES, "Estimate Lost", 6, false, true),
	JOB_CREATED(Pipeline.INSTALL, "Estimate Approved / Job Created", 0, false, false),
	PRE_INSTALL_PLANNING(Pipeline.INSTALL, "Pre-Install Planning / Permitting", 1, true, false),
	READY_FOR_INSTALL(Pipeline.INSTALL, "Scheduled / Ready for Install", 2, false, false),
	IN_PROGRESS(Pipeline.INSTALL, "In Progress / On Site", 3, false, false),
	ON_HOLD(Pipeline.INSTALL, "On Hold / Return Visit Needed", 4, false, false),
	JOB_COMPLETED(Pipeline.INSTALL, "Job Completed", 5, false, false);

	private final Pipeline pipeline;

	private final String displayName;

	private final int position;

	private final boolean manual;

	private final boolean protectedStage;

	Stage(Pipeline pipeline, String displayName, int position, boolean manual, boolean protectedStage) {
		this.pipeline = pipeline;
		this.displayName = displayName;
		this.position = position;
		this.manual = manual;
		this.protectedStage = protectedStage;
	}

	public Pipeline pipeline() {
		return pipeline;
	}

	/** Name shown to users and published in {@code crm.stage-moved}. */
	public String displayName() {
		return displayName;
	}

	/** 0-based order within the pipeline. */
	public int position() {
		return position;
	}

	/** Entered only by a user's manual move, never by a rule. */
	public boolean manual() {
		return manual;
	}

	/** Job Sold and Estimate Lost: never left backwards. */
	public boolean isProtected() {
		return protectedStage;
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
