package io.lazi.field.record;

/** The order of a list. */
public enum Sort {

	/** By id, ascending: stable across pages. */
	ID,

	/** By start (appointments, shifts), then id. */
	START,

	/** Newest {@code modifiedOn} first, then id descending. */
	NEWEST
}
