package io.lazi.stsimulator.pricebook.seed;

import java.util.List;
import java.util.Random;

import io.lazi.stsimulator.pricebook.sku.SkuKind;

/**
 * Words for the seeded SKUs of a pool, HVAC, plumbing and electrical contractor.
 */
final class SkuVocabulary {

	private static final List<String> SERVICE_TASKS = List.of("Install", "Replace", "Repair", "Diagnose", "Inspect",
			"Clean", "Tune-Up", "Flush", "Service", "Upgrade", "Winterize", "Start Up");

	private static final List<String> MATERIAL_PARTS = List.of("O-Ring Kit", "Gasket", "Seal Kit", "Motor",
			"Control Board", "Sensor", "Valve", "Fitting 1-1/2\"", "Union 2\"", "Pressure Switch", "Capacitor 45/5 MFD",
			"Filter Cartridge", "Wire Harness", "Mounting Kit", "Relay", "Igniter", "Thermocouple", "Flex Connector",
			"Breaker 20A", "PVC Coupling");

	private static final List<String> EQUIPMENT_SIZES = List.of("Standard", "Deluxe", "Pro", "High Efficiency",
			"Compact", "Commercial");

	private static final List<String> POOL_MAKERS = List.of("Pentair", "Hayward", "Jandy", "Raypak", "Polaris");

	private static final List<String> HVAC_MAKERS = List.of("Carrier", "Trane", "Lennox", "Goodman", "Rheem");

	private static final List<String> PLUMBING_MAKERS = List.of("Rheem", "A.O. Smith", "Bradford White", "Moen", "Kohler");

	private static final List<String> ELECTRICAL_MAKERS = List.of("Generac", "Square D", "Eaton", "Siemens", "Leviton");

	private static final List<String> VENDORS = List.of("SCP Distributors", "Ferguson", "Johnstone Supply",
			"Winsupply", "Graybar", "Heritage Pool Supply");

	private static final List<String> MATERIAL_UNITS = List.of("Each", "Foot", "Box", "Gallon", "Pound", "Kit");

	private SkuVocabulary() {
	}

	/**
	 * @param businessUnitIds the business units of the SKU's category
	 * @return a two-letter trade code: PL pool, EL electrical, PB plumbing, HV HVAC, GN several
	 */
	static String tradeCode(List<Long> businessUnitIds) {

		if (businessUnitIds.size() > 2 || businessUnitIds.isEmpty()) {
			return "GN";
		}
		var first = businessUnitIds.getFirst();
		return first == 5001 || first == 5002 ? "PL" : first == 5003 || first == 5004 ? "EL" : first == 5005 ? "PB" : "HV";
	}

	static String name(SkuKind kind, String categoryName, Random random) {
		return switch (kind) {
			case SERVICES -> pick(SERVICE_TASKS, random) + " " + categoryName;
			case MATERIALS -> categoryName + " " + pick(MATERIAL_PARTS, random);
			case EQUIPMENT -> categoryName + " " + pick(EQUIPMENT_SIZES, random);
		};
	}

	static String manufacturer(String tradeCode, Random random) {
		return pick(switch (tradeCode) {
			case "PL" -> POOL_MAKERS;
			case "HV" -> HVAC_MAKERS;
			case "PB" -> PLUMBING_MAKERS;
			case "EL" -> ELECTRICAL_MAKERS;
			default -> VENDORS;
		}, random);
	}

	static String unit(SkuKind kind, Random random) {
		return kind == SkuKind.EQUIPMENT ? "Each" : pick(MATERIAL_UNITS, random);
	}

	static String vendor(Random random) {
		return pick(VENDORS, random);
	}

	private static String pick(List<String> words, Random random) {
		return words.get(random.nextInt(words.size()));
	}
}
