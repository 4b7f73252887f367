package io.lazi.identityprovider;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(IdentityProviderApplication.class);
	}
}
