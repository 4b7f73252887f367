package io.lazi.pricebook.listing;

/** Which items a listing returns by their {@code active} flag. */
public enum ActiveFilter {

	ACTIVE, INACTIVE, ALL
}
