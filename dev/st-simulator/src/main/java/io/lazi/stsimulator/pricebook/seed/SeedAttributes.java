package io.lazi.stsimulator.pricebook.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.seed.ReferenceVocabulary.Theme;
import org.jspecify.annotations.Nullable;

/**
 * Draws the attributes of the reference tenant's categories (description, image, business units,
 * timestamps) from the generator's random source. Only {@code nextInt(int)}, {@code nextLong()} and
 * {@code nextDouble()} are used: their algorithms are fixed by {@link Random}'s contract.
 */
final class SeedAttributes {

	static final Instant WINDOW_START = Instant.parse("2025-01-06T14:00:00Z");

	static final Duration WINDOW = Duration.ofDays(270);

	private static final long CREATED_SPREAD_MILLIS = Duration.ofDays(400).toMillis();

	private static final int BULK_EDITS = 7;

	private final Random random;

	private final List<Instant> bulkEdits = new ArrayList<>();

	SeedAttributes(Random random) {

		this.random = random;
		for (var index = 0; index < BULK_EDITS; index++) {
			bulkEdits.add(instantInWindow());
		}
	}

	Category toCategory(long id, @Nullable Long parentId, String name, int position, Theme theme) {

		var root = parentId == null;
		var description = root ? name + " for residential and commercial customers"
				: random.nextInt(100) < 30 ? theme.name() + " - " + name : null;
		var image = random.nextInt(100) < 85 ? imagePath(name) : null;
		var businessUnits = theme.trade().businessUnitIds();
		if (!root && businessUnits.size() > 1 && random.nextInt(100) < 25) {
			businessUnits = List.of(businessUnits.get(random.nextInt(businessUnits.size())));
		}
		var skuImages = root && random.nextInt(100) < 30 ? List.of("Images/Sku/" + slug(name) + "-default.jpg")
				: List.<String>of();
		var hideInMobile = random.nextInt(100) < 4;
		var modifiedOn = random.nextInt(100) < 33 ? bulkEdits.get(random.nextInt(BULK_EDITS)) : instantInWindow();
		var createdOn = modifiedOn.minusMillis(60_000 + (long) (random.nextDouble() * CREATED_SPREAD_MILLIS));
		return new Category(id, parentId, name, true, description, image, position, theme.type(), businessUnits,
				skuImages, List.of(), null, null, hideInMobile, createdOn, modifiedOn);
	}

	private String imagePath(String name) {

		var uuid = new UUID(random.nextLong(), random.nextLong());
		var extension = random.nextInt(100) < 65 ? ".png" : ".jpg";
		return "Images/Category/" + uuid + "-" + slug(name) + extension;
	}

	private Instant instantInWindow() {
		return WINDOW_START.plusMillis((long) (random.nextDouble() * WINDOW.toMillis()));
	}

	static String slug(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}
}
