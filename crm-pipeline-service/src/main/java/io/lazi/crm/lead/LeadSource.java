package io.lazi.crm.lead;

import java.util.Locale;

/** Where a lead came from. On the wire in lower case. */
enum LeadSource {

	WEBSITE, REFERRAL, PHONE, SOCIAL, EMAIL, EVENT, OTHER;

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}
}
