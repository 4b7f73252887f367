package io.lazi.gateway.security;

import java.util.Optional;

/** The roles a token's {@code roles} claim may list (DESIGN §7). */
enum Role {

	OWNER, ADMIN, MANAGER, DISPATCHER, TECHNICIAN, VIEWER;

	/** The role named {@code name}; empty for names this gateway does not know. */
	static Optional<Role> of(String name) {

		for (var role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
