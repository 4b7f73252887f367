package io.lazi.stsimulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

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

	/**
	 * Query parameters in the order given, as {@code name, value, name, value, …}, so the request reads like the
	 * documented filter list.
	 *
	 * @throws IllegalArgumentException if a name has no value
	 */
	static SequencedMap<String, String> orderedQuery(String... namesAndValues) {

		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("a query needs a value for every name: " + String.join(", ", namesAndValues));
		}
		var query = new LinkedHashMap<String, String>();
		for (var i = 0; i < namesAndValues.length; i += 2) {
			query.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return query;
	}
}
