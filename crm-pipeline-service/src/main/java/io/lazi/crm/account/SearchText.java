package io.lazi.crm.account;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.val;

import org.jooq.Condition;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

import io.lazi.crm.record.SearchTerms;
import io.lazi.platform.web.InvalidInputException;

/** What a user typed as a {@code tsquery} over the {@code search} columns. */
final class SearchText {

	private SearchText() {
	}

	/**
	 * {@link SearchTerms#tsquery}, except that a phone number typed with spaces ({@code (813) 555-0100}) is one
	 * word of its digits, as the {@code search} columns hold it.
	 *
	 * @throws InvalidInputException naming {@code field} when {@code q} holds no word
	 */
	static String tsquery(@Nullable String q, String field) {

		if (q != null && q.matches("[\\d\\s()+.\\-]+") && q.replaceAll("\\D", "").length() >= 3) {
			return SearchTerms.tsquery(q.replaceAll("\\D", ""), field);
		}
		return SearchTerms.tsquery(q, field);
	}

	/** {@code search @@ to_tsquery('simple', …)} of {@link #tsquery}. */
	static Condition matches(Field<?> search, @Nullable String q, String field) {
		return condition("{0} @@ to_tsquery('simple', {1})", search, val(tsquery(q, field)));
	}

	/** Whether {@code q} holds a word to search for, so that {@link #tsquery} answers. */
	static boolean hasWords(@Nullable String q) {
		try {
			tsquery(q, "q");
			return true;
		}
		catch (InvalidInputException ex) {
			return false;
		}
	}
}
