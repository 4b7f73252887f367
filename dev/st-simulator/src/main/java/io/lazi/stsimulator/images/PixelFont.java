package io.lazi.stsimulator.images;

import java.awt.Graphics2D;
import java.util.Map;

/**
 * A 5x7 bitmap font for A-Z and 0-9, drawn with rectangles so rendering needs no system fonts
 * (headless machines and slim containers often have none).
 */
final class PixelFont {

	static final int WIDTH = 5;

	static final int HEIGHT = 7;

	/** Each glyph: seven rows of five bits, two hex digits per row, most significant bit leftmost. */
	private static final Map<Character, String> GLYPHS = Map.ofEntries(Map.entry('A', "0E11111F111111"),
			Map.entry('B', "1E11111E11111E"), Map.entry('C', "0E11101010110E"), Map.entry('D', "1E11111111111E"),
			Map.entry('E', "1F10101E10101F"), Map.entry('F', "1F10101E101010"), Map.entry('G', "0E11101711110F"),
			Map.entry('H', "1111111F111111"), Map.entry('I', "0E04040404040E"), Map.entry('J', "0702020202120C"),
			Map.entry('K', "11121418141211"), Map.entry('L', "1010101010101F"), Map.entry('M', "111B1515111111"),
			Map.entry('N', "11111915131111"), Map.entry('O', "0E11111111110E"), Map.entry('P', "1E11111E101010"),
			Map.entry('Q', "0E11111115120D"), Map.entry('R', "1E11111E141211"), Map.entry('S', "0F10100E01011E"),
			Map.entry('T', "1F040404040404"), Map.entry('U', "1111111111110E"), Map.entry('V', "11111111110A04"),
			Map.entry('W', "1111111515150A"), Map.entry('X', "11110A040A1111"), Map.entry('Y', "11110A04040404"),
			Map.entry('Z', "1F01020408101F"), Map.entry('0', "0E11131519110E"), Map.entry('1', "040C040404040E"),
			Map.entry('2', "0E11010204081F"), Map.entry('3', "1F02040201110E"), Map.entry('4', "02060A121F0202"),
			Map.entry('5', "1F101E0101110E"), Map.entry('6', "0608101E11110E"), Map.entry('7', "1F010204080808"),
			Map.entry('8', "0E11110E11110E"), Map.entry('9', "0E11110F01020C"));

	private PixelFont() {
	}

	/**
	 * @param character a character
	 * @return whether the font has a glyph for it
	 */
	static boolean has(char character) {
		return GLYPHS.containsKey(character);
	}

	/**
	 * Draws one glyph with the graphics' current colour.
	 *
	 * @param graphics where to draw
	 * @param character the character, one the font {@link #has(char) has}
	 * @param x the left edge
	 * @param y the top edge
	 * @param scale the edge length of one font pixel
	 */
	static void draw(Graphics2D graphics, char character, int x, int y, int scale) {

		var glyph = GLYPHS.get(character);
		for (var row = 0; row < HEIGHT; row++) {
			var bits = Integer.parseInt(glyph.substring(row * 2, row * 2 + 2), 16);
			for (var column = 0; column < WIDTH; column++) {
				if ((bits & (1 << (WIDTH - 1 - column))) != 0) {
					graphics.fillRect(x + column * scale, y + row * scale, scale, scale);
				}
			}
		}
	}
}
