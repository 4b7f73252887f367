package io.lazi.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real image bytes rendered with ImageIO, plus a minimal WebP header, for tests. */
public final class TestImages {

	private TestImages() {
	}

	public static byte[] png(int seed) {
		return render("png", seed);
	}

	public static byte[] jpeg(int seed) {
		return render("jpeg", seed);
	}

	public static byte[] gif(int seed) {
		return render("gif", seed);
	}

	/** A RIFF/WEBP container with a lossless VP8L chunk header. */
	public static byte[] webp() {
		var out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[] { 26, 0, 0, 0 });
		out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[] { 13, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		return out.toByteArray();
	}

	private static byte[] render(String format, int seed) {

		var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(seed * 7919 & 0xffffff));
		graphics.fillRect(0, 0, 8, 8);
		graphics.dispose();
		var out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
