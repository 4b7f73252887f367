package io.lazi.stingest;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(StIngestApplication.class, "io.lazi.stingest.jooq");
	}
}
