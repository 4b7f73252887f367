package io.lazi.image;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(ImageApplication.class, "io.lazi.image.jooq");
	}
}
