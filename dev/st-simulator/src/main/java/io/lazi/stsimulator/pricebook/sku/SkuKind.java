package io.lazi.stsimulator.pricebook.sku;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three SKU kinds of ServiceTitan's pricebook, named as their URL segment.
 */
public enum SkuKind {

	/** {@code /services}: labour and service tasks. */
	SERVICES("services", "Service"),

	/** {@code /materials}: parts and consumables. */
	MATERIALS("materials", "Material"),

	/** {@code /equipment}: installed units with warranties. */
	EQUIPMENT("equipment", "Equipment");

	private final String segment;

	private final String label;

	SkuKind(String segment, String label) {

		this.segment = segment;
		this.label = label;
	}

	/**
	 * @return the URL segment, e.g. {@code services}
	 */
	public String segment() {
		return segment;
	}

	/**
	 * @return the singular name for messages, e.g. {@code Service}
	 */
	public String label() {
		return label;
	}

	/**
	 * @param segment a URL segment
	 * @return the kind it names, if any
	 */
	public static Optional<SkuKind> ofSegment(String segment) {
		return Arrays.stream(values()).filter(kind -> kind.segment.equals(segment)).findFirst();
	}
}
