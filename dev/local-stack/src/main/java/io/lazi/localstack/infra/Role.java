package io.lazi.localstack.infra;

/**
 * The roles a dev token's {@code roles} claim may list, spelled as the gateway compares them
 * (case-sensitively, DESIGN §7): a token with any other name would be minted, then refused.
 */
public enum Role {

	/** Everything, as the tenant's owner. */
	OWNER,

	/** Everything, including pricebook writes and pushes. */
	ADMIN,

	/** Reads, customers and job assignment. */
	MANAGER,

	/** Reads, customers and job assignment. */
	DISPATCHER,

	/** Reads. */
	TECHNICIAN,

	/** Reads. */
	VIEWER
}
