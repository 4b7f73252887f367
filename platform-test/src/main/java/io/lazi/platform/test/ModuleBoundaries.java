package io.lazi.platform.test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module-boundary check every service runs: extend it with the service's application class.
 * Spring Modulith fails the build when a feature package reaches into another's internals or the
 * features form a cycle, and writes the module diagrams to {@code target/spring-modulith-docs}.
 */
public abstract class ModuleBoundaries {

	private final ApplicationModules modules;

	/**
	 * @param application the {@code @SpringBootApplication} class whose package holds the features
	 * @param generatedPackage a package of generated code to leave out (e.g. {@code io.lazi.crm.jooq}: the
	 * schema's mirror, not a feature), or none
	 */
	protected ModuleBoundaries(Class<?> application, String... generatedPackage) {
		this.modules = generatedPackage.length == 0 ? ApplicationModules.of(application)
				: ApplicationModules.of(application, resideInAPackage(generatedPackage[0] + ".."));
	}

	/** The service's modules, for checks of its own. */
	protected ApplicationModules modules() {
		return modules;
	}

	@Test
	void keepsFeaturePackagesFreeOfCyclesAndInternalAccess() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
