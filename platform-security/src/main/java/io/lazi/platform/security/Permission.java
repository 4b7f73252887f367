package io.lazi.platform.security;

import static io.lazi.platform.security.Role.ADMIN;
import static io.lazi.platform.security.Role.DISPATCHER;
import static io.lazi.platform.security.Role.MANAGER;
import static io.lazi.platform.security.Role.OWNER;
import static io.lazi.platform.security.Role.TECHNICIAN;
import static io.lazi.platform.security.Role.VIEWER;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The role → permission table (DESIGN §7), the only place it is written down. A permission is a
 * Spring Security authority of the same name, e.g. {@code pricebook:read}.
 */
public enum Permission {

	PRICEBOOK_READ("pricebook:read", OWNER, ADMIN, MANAGER, DISPATCHER, TECHNICIAN, VIEWER),
	PRICEBOOK_WRITE("pricebook:write", OWNER, ADMIN),
	CUSTOMERS_WRITE("customers:write", OWNER, ADMIN, MANAGER, DISPATCHER),
	JOBS_ASSIGN("jobs:assign", OWNER, ADMIN, MANAGER, DISPATCHER);

	private final String authority;

	private final Set<Role> roles;

	Permission(String authority, Role first, Role... more) {
		this.authority = authority;
		this.roles = EnumSet.of(first, more);
	}

	/** The authority name, e.g. {@code pricebook:read}. */
	public String authority() {
		return authority;
	}

	/** The permissions any of {@code roles} holds. */
	public static Set<Permission> grantedTo(Collection<Role> roles) {

		var granted = EnumSet.noneOf(Permission.class);
		for (var permission : values()) {
			if (roles.stream().anyMatch(permission.roles::contains)) {
				granted.add(permission);
			}
		}
		return granted;
	}
}
