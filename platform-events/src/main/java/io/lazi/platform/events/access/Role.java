package io.lazi.platform.events.access;

import java.util.Optional;

/**
 * The roles a user token's {@code roles} claim may list, spelled as the services compare them
 * (case-sensitively, DESIGN §7): a token with any other name is minted, then refused.
 */
public enum Role {

	/** Everything, as the tenant's owner. */
	OWNER,

	/** Everything, including pricebook writes and pushes. */
	ADMIN,

	/** Reads the pricebook, writes customers, assigns jobs. */
	MANAGER,

	/** Reads the pricebook, writes customers, assigns jobs. */
	DISPATCHER,

	/** Reads the pricebook. */
	TECHNICIAN,

	/** Reads the pricebook. */
	VIEWER;

	/** The role named {@code name}; empty for names Lazi does not know. */
	public static Optional<Role> of(String name) {

		for (var role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
