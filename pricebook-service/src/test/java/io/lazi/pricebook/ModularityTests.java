package io.lazi.pricebook;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The generated jOOQ classes are the schema's mirror, not a feature module. */
	private final ApplicationModules modules = ApplicationModules.of(PricebookApplication.class,
			resideInAPackage("io.lazi.pricebook.jooq.."));

	@Test
	void keepsFeaturePackagesFreeOfCyclesAndInternalAccess() {
		modules.verify();
	}

	/** Without them {@code verify()} would see one category module and check nothing between its features. */
	@Test
	void verifiesTheCategoryFeaturesAsNestedModules() {
		assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
			.contains("io.lazi.pricebook.category", "io.lazi.pricebook.category.tree", "io.lazi.pricebook.category.sync",
					"io.lazi.pricebook.category.edit", "io.lazi.pricebook.category.push",
					"io.lazi.pricebook.category.conflict");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
