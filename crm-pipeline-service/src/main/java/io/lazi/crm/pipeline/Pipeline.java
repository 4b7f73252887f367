package io.lazi.crm.pipeline;

/** The two pipelines every tenant gets (DESIGN §6), in display order. */
public enum Pipeline {

	SALES("Sales"), INSTALL("Install");

	private final String displayName;

	Pipeline(String displayName) {
		this.displayName = displayName;
	}

	/** Name shown to users and published in {@code crm.stage-moved}. */
	public String displayName() {
		return displayName;
	}
}
