package io.lazi.stsimulator;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(StSimulatorApplication.class);
	}
}
