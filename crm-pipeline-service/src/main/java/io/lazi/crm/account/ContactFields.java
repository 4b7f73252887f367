package io.lazi.crm.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/** A contact's editable fields, checked: trimmed, within their lengths, a name made of first and last if need be. */
record ContactFields(UUID accountId, @Nullable String firstName, @Nullable String lastName, String name,
		@Nullable String email, @Nullable String phone, @Nullable String role) {

	/**
	 * The checked fields of {@code input}.
	 *
	 * @param accountId the account, when {@code input} names none
	 * @throws InvalidInputException naming the first bad field ({@code accountId} when neither names one)
	 */
	static ContactFields of(ContactInput input, @Nullable UUID accountId) {

		var account = input.accountId() != null ? input.accountId() : accountId;
		if (account == null) {
			throw new InvalidInputException("accountId", "is required");
		}
		var first = Inputs.optional(input.firstName(), "firstName", Inputs.NAME);
		var last = Inputs.optional(input.lastName(), "lastName", Inputs.NAME);
		var name = Inputs.optional(input.name(), "name", Inputs.NAME);
		if (name == null && (first != null || last != null)) {
			name = Inputs.required((first == null ? "" : first) + " " + (last == null ? "" : last), "name", Inputs.NAME);
		}
		if (name == null) {
			throw new InvalidInputException("name", "is required (or firstName/lastName)");
		}
		return new ContactFields(account, first, last, name, Inputs.email(input.email(), "email"),
				Inputs.phone(input.phone(), "phone"), Inputs.optional(input.role(), "role", Inputs.NAME));
	}
}
