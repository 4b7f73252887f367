package io.lazi.crm;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(CrmPipelineApplication.class, "io.lazi.crm.jooq");
	}
}
