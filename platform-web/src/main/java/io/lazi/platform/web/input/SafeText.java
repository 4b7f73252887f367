package io.lazi.platform.web.input;

import java.util.Optional;

/**
 * Which strings Lazi accepts from a caller: any Unicode text except NUL and the other C0 control
 * characters (tab, line feed and carriage return are text), unpaired surrogates (they cannot be stored
 * as UTF-8 and PostgreSQL refuses NUL) and Unicode non-characters (U+FDD0–U+FDEF and the last two code
 * points of every plane). Thread-safe.
 */
public final class SafeText {

	/** What a refused string is told, after the field name. */
	public static final String REFUSAL = "must not contain NUL or other control characters, unpaired surrogates or Unicode non-characters";

	private SafeText() {
	}

	/** @return the index of the first character Lazi does not accept, empty when {@code value} is safe */
	public static Optional<Integer> firstUnsafe(CharSequence value) {

		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return Optional.of(i);
				}
				if (isNonCharacter(Character.toCodePoint(c, value.charAt(i + 1)))) {
					return Optional.of(i);
				}
				i++;
			}
			else if (Character.isLowSurrogate(c) || isControl(c) || isNonCharacter(c)) {
				return Optional.of(i);
			}
		}
		return Optional.empty();
	}

	/** @return whether every character of {@code value} is accepted */
	public static boolean isSafe(CharSequence value) {
		return firstUnsafe(value).isEmpty();
	}

	private static boolean isControl(char c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
	}

	private static boolean isNonCharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}
}
