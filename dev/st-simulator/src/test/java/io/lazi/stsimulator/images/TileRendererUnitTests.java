package io.lazi.stsimulator.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TileRendererUnitTests {

	private final TileRenderer renderer = new TileRenderer(new ImageSettings(null, 64));

	@Test
	void rendersPngAndJpegByExtension() throws IOException {

		var png = renderer.render("Images/Category/a.png", TileRenderer.Format.of("Images/Category/a.png"));
		var jpeg = renderer.render("Images/Category/a.jpg", TileRenderer.Format.of("Images/Category/a.jpg"));

		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF);
		var image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(64);
	}

	@Test
	void rendersTheSameBytesForTheSamePath() {

		var path = "Images/Category/0b9d33f1-tankless.png";
		var first = renderer.render(path, TileRenderer.Format.PNG);
		var fresh = new TileRenderer(new ImageSettings(null, 64)).render(path, TileRenderer.Format.PNG);

		assertThat(fresh).isEqualTo(first);
		assertThat(renderer.render("Images/Category/0b9d33f1-other.png", TileRenderer.Format.PNG)).isNotEqualTo(first);
	}

	@Test
	void takesInitialsFromTheNameAfterTheUuid() {

		assertThat(TileRenderer.initials("Images/Category/330d9e7d-e832-7230-493f-168570742b87-pool-service.png"))
			.isEqualTo("PS");
		assertThat(TileRenderer.initials("Images/Category/7c1e2a90-plumbing.jpg")).isEqualTo("P");
		assertThat(TileRenderer.initials("Images/Sku/--.jpg")).isEqualTo("ST");
	}

	@Test
	void drawsWhitePixelsForTheInitials() throws IOException {

		var image = ImageIO.read(new ByteArrayInputStream(
				renderer.render("Images/Category/330d9e7d-e832-7230-493f-168570742b87-hot-house.png", TileRenderer.Format.PNG)));

		var white = 0;
		for (var x = 0; x < 64; x++) {
			for (var y = 0; y < 64; y++) {
				white += (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 1 : 0;
			}
		}
		assertThat(white).as("two H glyphs of 17 font pixels, 4x4 each").isEqualTo(2 * 17 * 16);
	}
}
