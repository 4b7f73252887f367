package io.lazi.pricebook.sku;

/** Which SKUs a listing returns by their {@code active} flag. */
public enum ActiveFilter {

	ACTIVE, INACTIVE, ALL
}
