package io.lazi.platform.security;

import static io.lazi.platform.events.access.Role.ADMIN;
import static io.lazi.platform.events.access.Role.DISPATCHER;
import static io.lazi.platform.events.access.Role.MANAGER;
import static io.lazi.platform.events.access.Role.OWNER;
import static io.lazi.platform.events.access.Role.TECHNICIAN;
import static io.lazi.platform.events.access.Role.VIEWER;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import io.lazi.platform.events.access.Role;

/**
 * The role → permission table (DESIGN §7), the only place it is written down. A permission is a
 * Spring Security authority of the same name, e.g. {@code pricebook:read}.
 */
public enum Permission {

	PRICEBOOK_READ("pricebook:read", OWNER, ADMIN, MANAGER, DISPATCHER, TECHNICIAN, VIEWER),
	PRICEBOOK_WRITE("pricebook:write", OWNER, ADMIN),
	CUSTOMERS_WRITE("customers:write", OWNER, ADMIN, MANAGER, DISPATCHER),
	JOBS_ASSIGN("jobs:assign", OWNER, ADMIN, MANAGER, DISPATCHER),
	/** Tenant settings such as which provider serves each field-service domain. */
	SETTINGS_WRITE("settings:write", OWNER, ADMIN);

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
