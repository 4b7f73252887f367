package io.lazi.pricebook.category;

/** Which categories a listing returns by their {@code active} flag. */
public enum ActiveFilter {

	ACTIVE, INACTIVE, ALL
}
