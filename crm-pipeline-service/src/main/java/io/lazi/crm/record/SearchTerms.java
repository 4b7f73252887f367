package io.lazi.crm.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.lazi.platform.web.InvalidInputException;

/**
 * Turns what a user typed into a PostgreSQL {@code tsquery} over the records' {@code search} columns (dictionary
 * {@code simple}, so names are not stemmed): every word must match, each as a prefix ({@code jo smi} finds John
 * Smith), phone numbers by their digits. Characters with a meaning in {@code tsquery} are dropped.
 */
public final class SearchTerms {

	/** Longest query text read; the rest is ignored. */
	public static final int MAX_LENGTH = 200;

	private SearchTerms() {
	}

	/**
	 * The {@code tsquery} text for {@code q}, e.g. {@code jo:* & smi:*}, for {@code to_tsquery('simple', ?)}.
	 *
	 * @throws InvalidInputException naming {@code field} when {@code q} holds no word
	 */
	public static String tsquery(@Nullable String q, String field) {

		var text = q == null ? "" : q.length() > MAX_LENGTH ? q.substring(0, MAX_LENGTH) : q;
		var words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
			.map(w -> w.replaceAll("[^\\p{L}\\p{N}@._-]", "").replaceAll("^[-.@_]+|[-.@_]+$", ""))
			.filter(w -> !w.isEmpty())
			.map(w -> w.matches("[\\d()+ -]+") ? w.replaceAll("\\D", "") : w)
			.filter(w -> !w.isEmpty())
			.map(w -> "'" + w.replace("'", "") + "':*")
			.collect(Collectors.joining(" & "));
		if (words.isEmpty()) {
			throw new InvalidInputException(field, "must contain a word to search for");
		}
		return words;
	}
}
