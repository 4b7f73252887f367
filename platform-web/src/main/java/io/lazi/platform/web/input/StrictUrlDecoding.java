package io.lazi.platform.web.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Decodes {@code application/x-www-form-urlencoded} text as UTF-8, refusing what is not. */
final class StrictUrlDecoding {

	private StrictUrlDecoding() {
	}

	/** @return the decoded text; empty when an escape is malformed or the bytes are not UTF-8 */
	static Optional<String> decode(String raw) {

		var bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1)) || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
					return Optional.empty();
				}
				bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}
}
