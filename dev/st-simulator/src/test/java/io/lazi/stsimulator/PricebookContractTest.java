package io.lazi.stsimulator;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the tests that hold the simulator's pricebook answers to ServiceTitan's pricebook spec;
 * the whole class is skipped when the spec is absent.
 */
abstract class PricebookContractTest extends SimulatorIntegrationTest {

	static ServiceTitanSpec spec;

	@BeforeAll
	static void loadSpecification() throws IOException {
		spec = ServiceTitanSpec.pricebook();
	}
}
