package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An account's editable fields, checked: trimmed, within their lengths, {@code type} a wire value. */
record AccountFields(String name, String type, @Nullable String industry, @Nullable String region,
		@Nullable String ownerId, @Nullable UUID parentId, @Nullable String email, @Nullable String phone,
		@Nullable String street, @Nullable String city, @Nullable String state, @Nullable String zip) {

	static final String RESIDENTIAL = "residential";

	static final String COMMERCIAL = "commercial";

	/**
	 * The checked fields of {@code input}.
	 *
	 * @throws io.lazi.platform.web.InvalidInputException naming the first bad field
	 */
	static AccountFields of(AccountInput input) {
		return new AccountFields(Inputs.required(input.name(), "name", Inputs.NAME),
				Inputs.oneOf(input.type(), "type", RESIDENTIAL, RESIDENTIAL, COMMERCIAL),
				Inputs.optional(input.industry(), "industry", Inputs.NAME),
				Inputs.optional(input.region(), "region", Inputs.NAME),
				Inputs.optional(input.ownerId(), "ownerId", Inputs.NAME), input.parentId(),
				Inputs.email(input.email(), "email"), Inputs.phone(input.phone(), "phone"),
				Inputs.optional(input.street(), "street", Inputs.NAME), Inputs.optional(input.city(), "city", Inputs.NAME),
				Inputs.optional(input.state(), "state", Inputs.NAME), Inputs.optional(input.zip(), "zip", Inputs.NAME));
	}

	AccountFields ownedBy(String owner) {
		return new AccountFields(name, type, industry, region, owner, parentId, email, phone, street, city, state, zip);
	}
}
