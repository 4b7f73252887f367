package io.lazi.pricebook.sku;

import java.util.Arrays;

/**
 * The three kinds of ServiceTitan SKU.
 *
 * @see #column() the value stored in {@code sku.kind}
 * @see #path() the collection name in the REST API
 */
public enum SkuKind {

	SERVICE("service", "services"), MATERIAL("material", "materials"), EQUIPMENT("equipment", "equipment");

	private final String column;

	private final String path;

	SkuKind(String column, String path) {
		this.column = column;
		this.path = path;
	}

	public String column() {
		return column;
	}

	public String path() {
		return path;
	}

	/**
	 * The kind served under {@code /api/pricebook/{path}}.
	 *
	 * @throws IllegalArgumentException for another path
	 */
	public static SkuKind ofPath(String path) {
		return Arrays.stream(values())
			.filter(kind -> kind.path.equals(path))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No SKU kind " + path));
	}
}
