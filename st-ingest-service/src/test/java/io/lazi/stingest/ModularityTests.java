package io.lazi.stingest;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The generated jOOQ classes are the schema's mirror, not a feature module. */
	private final ApplicationModules modules = ApplicationModules.of(StIngestApplication.class,
			resideInAPackage("io.lazi.stingest.jooq.."));

	@Test
	void keepsFeaturePackagesFreeOfCyclesAndInternalAccess() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
