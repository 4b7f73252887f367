package io.lazi.stsimulator.pricebook.seed;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.lazi.stsimulator.pricebook.CategoryType;

/**
 * Names for the reference tenant: home-service root categories (pool, spa, electrical, plumbing,
 * HVAC) with their first-level subjects, and the qualifiers used deeper down.
 */
final class ReferenceVocabulary {

	static final List<Theme> THEMES = List.of(
			theme("Pool Service", Trade.POOL, "Weekly Service", "Green Pool Cleanup", "Openings", "Closings",
					"Filter Cleaning", "Chemical Balancing", "Tile Cleaning", "Acid Wash", "Drain & Refill",
					"Leak Detection", "Salt Cell Cleaning"),
			theme("Pool Pumps", Trade.POOL, "Variable Speed Pumps", "Single Speed Pumps", "Two Speed Pumps",
					"Booster Pumps", "Pump Motors", "Pump Seals", "Impellers", "Pump Lids & Baskets"),
			theme("Pool Filters", Trade.POOL, "Cartridge Filters", "Sand Filters", "DE Filters", "Filter Grids",
					"Multiport Valves", "Pressure Gauges"),
			theme("Pool Heaters", Trade.POOL, "Gas Heaters", "Heat Pumps", "Solar Heating", "Igniters",
					"Heat Exchangers", "Control Boards"),
			theme("Pool Automation", Trade.POOL, "Control Systems", "Valve Actuators", "Wireless Remotes",
					"Temperature Sensors", "Automation Upgrades"),
			materials("Pool Cleaners", Trade.POOL, "Robotic Cleaners", "Suction Cleaners", "Pressure Cleaners",
					"Cleaner Parts"),
			theme("Spa & Hot Tub", Trade.POOL, "Spa Packs", "Jets", "Spa Heaters", "Spa Covers", "Spa Pumps",
					"Blowers", "Spa Lights"),
			theme("Water Treatment", Trade.POOL, "Salt Chlorine Generators", "Chlorinators", "Ozone Systems",
					"UV Systems", "Water Softeners", "Mineral Systems"),
			theme("Electrical Service", Trade.ELECTRICAL, "Troubleshooting", "Outlets & Switches", "GFCI Protection",
					"Wiring Repair", "Whole Home Rewire", "Code Corrections", "Dedicated Circuits"),
			theme("Panels & Breakers", Trade.ELECTRICAL, "Panel Upgrades", "Subpanels", "Breakers", "Meter Bases",
					"Service Entrance", "Load Centers"),
			theme("Lighting", Trade.ELECTRICAL, "Recessed Lighting", "Fixtures", "Ceiling Fans",
					"Under Cabinet Lighting", "Dimmers", "Smart Switches"),
			materials("Landscape Lighting", Trade.ELECTRICAL, "Path Lights", "Spotlights", "Transformers",
					"Deck Lighting", "Pool Lighting"),
			theme("Generators", Trade.ELECTRICAL, "Standby Generators", "Portable Generator Hookups",
					"Transfer Switches", "Generator Maintenance", "Load Management"),
			materials("Surge & Safety", Trade.ELECTRICAL, "Whole Home Surge", "Smoke Detectors", "CO Detectors",
					"AFCI Protection"),
			theme("EV Chargers", Trade.ELECTRICAL, "Level 2 Chargers", "Charger Circuits", "Load Calculations"),
			theme("Plumbing Repair", Trade.PLUMBING, "Leak Repair", "Faucets", "Toilets", "Shutoff Valves",
					"Repiping", "Gas Lines", "Hose Bibs", "Pressure Regulators"),
			theme("Water Heaters", Trade.PLUMBING, "Tank Water Heaters", "Tankless Water Heaters",
					"Heat Pump Water Heaters", "Expansion Tanks", "Anode Rods", "Recirculation Pumps"),
			theme("Drains & Sewer", Trade.PLUMBING, "Drain Cleaning", "Hydro Jetting", "Camera Inspection",
					"Sewer Line Repair", "Main Line Clearing", "Cleanouts"),
			materials("Fixtures & Faucets", Trade.PLUMBING, "Kitchen Faucets", "Bath Faucets", "Shower Valves",
					"Toilets", "Sinks", "Garbage Disposals"),
			theme("Pumps & Tanks", Trade.PLUMBING, "Sump Pumps", "Sewage Ejector Pumps", "Well Pumps",
					"Pressure Tanks", "Battery Backups"),
			theme("HVAC Service", Trade.HVAC, "Diagnostics", "Tune-Ups", "Refrigerant", "Capacitors", "Contactors",
					"Blower Motors", "Condenser Fan Motors"),
			theme("Cooling", Trade.HVAC, "Central Air Conditioners", "Heat Pumps", "Ductless Mini Splits",
					"Evaporator Coils", "Condensers", "Line Sets"),
			theme("Heating", Trade.HVAC, "Gas Furnaces", "Electric Furnaces", "Boilers", "Igniters",
					"Flame Sensors", "Heat Exchangers"),
			theme("Air Quality & Filtration", Trade.HVAC, "Air Filters", "Media Filters", "UV Lights", "Humidifiers",
					"Dehumidifiers", "Air Purifiers", "Ventilators"),
			theme("Ductwork", Trade.HVAC, "Duct Repair", "Duct Sealing", "Duct Cleaning", "Returns", "Dampers",
					"Duct Insulation"),
			materials("Thermostats & Controls", Trade.HVAC, "Smart Thermostats", "Programmable Thermostats",
					"Zoning", "Remote Sensors"),
			theme("Maintenance Plans", Trade.ALL, "Pool Plans", "HVAC Plans", "Plumbing Plans", "Electrical Plans"));

	static final List<String> BRANDS_AND_TIERS = List.of("Pentair", "Hayward", "Jandy", "Zodiac", "Polaris", "Raypak",
			"Sta-Rite", "Rheem", "A.O. Smith", "Bradford White", "Navien", "Rinnai", "Carrier", "Trane", "Lennox",
			"Goodman", "Daikin", "Mitsubishi", "Honeywell", "Ecobee", "Generac", "Kohler", "Square D", "Eaton",
			"Siemens", "Leviton", "Lutron", "Moen", "Delta", "Zoeller", "Liberty", "Good", "Better", "Best",
			"Residential", "Commercial", "Standard", "Premium", "Economy", "Indoor", "Outdoor", "Attic", "Garage",
			"Basement", "Rooftop", "Above Ground", "In Ground");

	static final List<String> SPECS_AND_WORK = List.of("Repair", "Replacement", "Install", "Inspection",
			"Diagnostic", "Maintenance", "Upgrade", "Removal", "Parts", "Labor", "Warranty Work", "Emergency Service",
			"After Hours", "1 HP", "1.5 HP", "2 HP", "3 HP", "40 Gallon", "50 Gallon", "75 Gallon", "100 Amp",
			"200 Amp", "400 Amp", "2 Ton", "3 Ton", "4 Ton", "5 Ton", "14 SEER", "16 SEER", "20 SEER", "80% AFUE",
			"96% AFUE", "120V", "240V", "1/2 Inch", "3/4 Inch", "1 Inch", "2 Inch", "4 Inch", "Single Phase",
			"Three Phase", "Natural Gas", "Propane", "Electric", "Same Day", "Flat Rate", "Per Hour", "Kit");

	static final List<String> DEEP = Stream.concat(SPECS_AND_WORK.stream(), BRANDS_AND_TIERS.stream()).toList();

	private ReferenceVocabulary() {
	}

	/**
	 * @param depth the depth of the category to name, 2 or deeper
	 * @return the qualifiers to draw its name from
	 */
	static List<String> qualifiers(int depth) {
		return switch (depth) {
			case 2 -> BRANDS_AND_TIERS;
			case 3 -> SPECS_AND_WORK;
			default -> DEEP;
		};
	}

	private static Theme theme(String name, Trade trade, String... subjects) {
		return new Theme(name, CategoryType.SERVICES, trade, List.of(subjects));
	}

	private static Theme materials(String name, Trade trade, String... subjects) {
		return new Theme(name, CategoryType.MATERIALS, trade, List.of(subjects));
	}

	/**
	 * A root category and the names of its first-level subcategories.
	 */
	record Theme(String name, CategoryType type, Trade trade, List<String> subjects) {
	}

	/**
	 * The trade of a root, which decides its business units.
	 */
	enum Trade {

		POOL(5001, 5002), ELECTRICAL(5003, 5004), PLUMBING(5005), HVAC(5006), ALL(5001, 5003, 5005, 5006);

		private final List<Long> businessUnitIds;

		Trade(long... businessUnitIds) {
			this.businessUnitIds = Arrays.stream(businessUnitIds).boxed().toList();
		}

		List<Long> businessUnitIds() {
			return businessUnitIds;
		}
	}
}
