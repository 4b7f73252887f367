package io.lazi.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lazi.platform.test.ModuleBoundaries;

class ModularityTests extends ModuleBoundaries {

	ModularityTests() {
		super(PricebookApplication.class, "io.lazi.pricebook.jooq");
	}

	/** Without them {@code verify()} would see one category module and check nothing between its features. */
	@Test
	void verifiesTheCategoryFeaturesAsNestedModules() {
		assertThat(modules().stream().map(module -> module.getBasePackage().getName()))
			.contains("io.lazi.pricebook.category", "io.lazi.pricebook.category.tree", "io.lazi.pricebook.category.sync",
					"io.lazi.pricebook.category.edit", "io.lazi.pricebook.category.push",
					"io.lazi.pricebook.category.conflict");
	}
}
