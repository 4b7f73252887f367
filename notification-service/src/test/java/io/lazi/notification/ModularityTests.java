package io.lazi.notification;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(NotificationApplication.class);
	}
}
