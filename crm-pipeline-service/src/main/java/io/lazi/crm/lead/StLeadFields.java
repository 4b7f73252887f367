package io.lazi.crm.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.events.StLead;

/**
 * What a lead takes from a ServiceTitan lead: name ({@code leadCustomerName}, else {@code summary}, else
 * {@code Lead <id>}, at most 200 characters), email and phone as ServiceTitan has them, ServiceTitan's status and
 * ours for a lead seen the first time ({@code Open} → {@code new}, {@code Dismissed} → {@code unqualified},
 * {@code Converted} → {@code converted}, anything else → {@code new}).
 */
record StLeadFields(long stLeadId, String name, @Nullable String email, @Nullable String phone, String stStatus,
		LeadStatus status, @Nullable OffsetDateTime createdOn, @Nullable OffsetDateTime modifiedOn) {

	/** The actor of what ServiceTitan changes: {@code created_by} and {@code converted_by}. */
	static final String SERVICETITAN = "servicetitan";

	static StLeadFields of(StLead lead) {

		var name = firstText(lead.leadCustomerName(), lead.summary());
		if (name == null) {
			name = "Lead " + lead.id();
		}
		if (name.length() > LeadFields.NAME_LENGTH) {
			name = name.substring(0, LeadFields.NAME_LENGTH);
		}
		return new StLeadFields(lead.id(), name, blankless(lead.leadEmail()), blankless(lead.leadPhone()),
				lead.status(), mapped(lead.status()), at(lead.createdOn()), at(lead.modifiedOn()));
	}

	/**
	 * Our status after ServiceTitan reports {@code stStatus} for a lead that is {@code current}: dismissed and
	 * converted follow ServiceTitan; open keeps how far users took the lead ({@code contacted}, {@code qualified})
	 * and reopens a dismissed or ServiceTitan-converted one as {@code new}. A lead converted in Lazi stays converted.
	 */
	LeadStatus statusAfter(LeadStatus current, boolean convertedInLazi) {

		if (convertedInLazi) {
			return LeadStatus.CONVERTED;
		}
		if (status != LeadStatus.NEW) {
			return status;
		}
		return current == LeadStatus.UNQUALIFIED || current == LeadStatus.CONVERTED ? LeadStatus.NEW : current;
	}

	/** When ServiceTitan last modified the lead, else {@code now}. */
	OffsetDateTime modifiedOrNow(OffsetDateTime now) {
		return modifiedOn == null ? now : modifiedOn;
	}

	private static LeadStatus mapped(String stStatus) {
		return switch (stStatus.trim().toLowerCase(Locale.ROOT)) {
			case "dismissed" -> LeadStatus.UNQUALIFIED;
			case "converted" -> LeadStatus.CONVERTED;
			default -> LeadStatus.NEW;
		};
	}

	private static @Nullable String firstText(@Nullable String... values) {
		for (var value : values) {
			var text = blankless(value);
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static @Nullable String blankless(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static @Nullable OffsetDateTime at(java.time.@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
