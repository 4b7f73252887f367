package io.lazi.gateway;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(GatewayApplication.class);
	}
}
