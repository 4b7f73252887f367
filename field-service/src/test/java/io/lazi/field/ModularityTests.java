package io.lazi.field;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(FieldServiceApplication.class, "io.lazi.field.jooq");
	}
}
