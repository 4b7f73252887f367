package io.lazi.stsimulator.pricebook.sku;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code sort} argument of the SKU lists: {@code +Field} or {@code -Field} (a missing sign, or
 * the space an unencoded {@code +} decodes to, means ascending). The fields are those the spec lists:
 * Id, Code, DisplayName, CreatedOn, ModifiedOn, Price, MemberPrice, AddOnPrice, AddOnMemberPrice,
 * MaterialsCost, PrimaryVendor, Cost, Manufacturer, Priority; the simulator has no value for
 * MaterialsCost and Priority, so those keep id order. Ties are always broken by id.
 *
 * @param comparator the order
 */
public record SkuSort(Comparator<Sku> comparator) {

	/** ServiceTitan's default order: by id, ascending. */
	public static final SkuSort DEFAULT = new SkuSort(Comparator.comparingLong(Sku::id));

	/**
	 * @param value the wire value
	 * @return the sort, empty when the field is not one the endpoint allows
	 */
	public static Optional<SkuSort> parse(String value) {

		var ascending = !value.startsWith("-");
		var field = value.strip().replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
		Optional<Comparator<Sku>> order = switch (field) {
			case "id", "materialscost", "priority" -> Optional.of(Comparator.comparingLong(Sku::id));
			case "code" -> by(Sku::code);
			case "displayname" -> by(Sku::displayName);
			case "createdon" -> Optional.of(Comparator.comparing(Sku::createdOn));
			case "modifiedon" -> Optional.of(Comparator.comparing(Sku::modifiedOn));
			case "price" -> Optional.of(Comparator.comparing(Sku::price));
			case "memberprice" -> Optional.of(Comparator.comparing(Sku::memberPrice));
			case "addonprice" -> Optional.of(Comparator.comparing(Sku::addOnPrice));
			case "addonmemberprice" -> Optional.of(Comparator.comparing(Sku::addOnMemberPrice));
			case "cost" -> Optional.of(Comparator.comparing(Sku::cost));
			case "primaryvendor" -> by(sku -> sku.vendorName() == null ? "" : sku.vendorName());
			case "manufacturer" -> by(sku -> sku.manufacturer() == null ? "" : sku.manufacturer());
			default -> Optional.empty();
		};
		return order.map(comparator -> ascending ? comparator : comparator.reversed())
			.map(comparator -> new SkuSort(comparator.thenComparingLong(Sku::id)));
	}

	private static Optional<Comparator<Sku>> by(Function<Sku, String> text) {
		return Optional.of(Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER));
	}
}
