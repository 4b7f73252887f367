package io.lazi.stsimulator.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Renders the image behind a storage path: a square tile in a colour derived from the path, with
 * the initials of the path's name in a bitmap font. Deterministic (same path, same bytes) and
 * headless; rendered bytes are cached. Thread-safe.
 */
@Component
class TileRenderer {

	private static final String UUID_PREFIX = "^[0-9a-f]{8}((-[0-9a-f]{4}){3}-[0-9a-f]{12})?-";

	private final int size;

	private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

	TileRenderer(ImageSettings settings) {
		this.size = settings.tileSize();
	}

	/**
	 * @param path the storage path
	 * @param format the encoding
	 * @return the encoded image; callers must not modify the array
	 */
	byte[] render(String path, Format format) {
		return cache.computeIfAbsent(format + ":" + path, key -> encode(draw(path), format));
	}

	private BufferedImage draw(String path) {

		var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		try {
			var hue = Math.floorMod(path.hashCode(), 360) / 360f;
			graphics.setColor(Color.getHSBColor(hue, 0.55f, 0.75f));
			graphics.fillRect(0, 0, size, size);
			var initials = initials(path);
			var scale = Math.max(1, size / 16);
			var width = initials.length() * (PixelFont.WIDTH + 1) * scale - scale;
			var x = (size - width) / 2;
			var y = (size - PixelFont.HEIGHT * scale) / 2;
			graphics.setColor(Color.WHITE);
			for (var character : initials.toCharArray()) {
				PixelFont.draw(graphics, character, x, y, scale);
				x += (PixelFont.WIDTH + 1) * scale;
			}
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	static String initials(String path) {

		var file = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]+$", "");
		var name = file.toLowerCase(Locale.ROOT).replaceFirst(UUID_PREFIX, "");
		var initials = Arrays.stream(name.split("[^a-z0-9]+"))
			.filter(word -> !word.isEmpty())
			.map(word -> Character.toUpperCase(word.charAt(0)))
			.filter(PixelFont::has)
			.limit(2)
			.map(String::valueOf)
			.collect(Collectors.joining());
		return initials.isEmpty() ? "ST" : initials;
	}

	private static byte[] encode(BufferedImage image, Format format) {

		var out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format.imageIoName, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The encodings the CDN serves.
	 */
	enum Format {

		PNG("png"), JPEG("jpeg");

		private final String imageIoName;

		Format(String imageIoName) {
			this.imageIoName = imageIoName;
		}

		/**
		 * @param path a storage path
		 * @return JPEG for {@code .jpg}/{@code .jpeg} paths, PNG otherwise
		 */
		static Format of(String path) {

			var lower = path.toLowerCase(Locale.ROOT);
			return lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? JPEG : PNG;
		}
	}
}
