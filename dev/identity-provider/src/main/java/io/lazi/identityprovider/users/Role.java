package io.lazi.identityprovider.users;

/** The roles a user token may carry (the {@code roles} claim); DESIGN §7 maps them to permissions. */
public enum Role {

	/** Everything, as the tenant's owner. */
	OWNER,

	/** Everything. */
	ADMIN,

	/** Reads the pricebook, writes customers, assigns jobs. */
	MANAGER,

	/** Reads the pricebook, writes customers, assigns jobs. */
	DISPATCHER,

	/** Reads the pricebook. */
	TECHNICIAN,

	/** Reads the pricebook. */
	VIEWER
}
