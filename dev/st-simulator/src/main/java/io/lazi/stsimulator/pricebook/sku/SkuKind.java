package io.lazi.stsimulator.pricebook.sku;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three SKU kinds of ServiceTitan's pricebook; each one's URL segment is its name in lower case.
 */
public enum SkuKind {

	/** {@code /services}: labour and service tasks. */
	SERVICES("Service"),

	/** {@code /materials}: parts and consumables. */
	MATERIALS("Material"),

	/** {@code /equipment}: installed units with warranties. */
	EQUIPMENT("Equipment");

	private final String label;

	SkuKind(String label) {
		this.label = label;
	}

	/**
	 * @return the URL segment, e.g. {@code services}
	 */
	public String segment() {
		return name().toLowerCase(Locale.ROOT);
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
		return Arrays.stream(values()).filter(kind -> kind.segment().equals(segment)).findFirst();
	}
}
