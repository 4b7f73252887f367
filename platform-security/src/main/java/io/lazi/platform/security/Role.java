package io.lazi.platform.security;

import java.util.Optional;

/** The roles a user token's {@code roles} claim may list (DESIGN §7). */
public enum Role {

	OWNER, ADMIN, MANAGER, DISPATCHER, TECHNICIAN, VIEWER;

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
