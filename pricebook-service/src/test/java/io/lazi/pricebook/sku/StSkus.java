package io.lazi.pricebook.sku;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StService;

/** ServiceTitan SKUs for tests, shaped as ServiceTitan returns them. */
public final class StSkus {

	public static final Instant CREATED = Instant.parse("2024-03-01T08:15:30.1234567Z");

	public static final Instant MODIFIED = Instant.parse("2025-06-01T10:00:00Z");

	private StSkus() {
	}

	/** An active service linked to {@code categoryIds}, priced 100 (member 90, add-on 80, cost 40). */
	public static StService service(long id, String code, String name, long... categoryIds) {
		return service(id, code, name, true, MODIFIED, categoryIds);
	}

	public static StService service(long id, String code, String name, boolean active, Instant modifiedOn,
			long... categoryIds) {
		var categories = Arrays.stream(categoryIds).mapToObj(c -> new StService.Category(c, "ST name", true)).toList();
		return new StService(id, code, name, "<p>About " + name + "</p>", categories, new BigDecimal("100.00"),
				new BigDecimal("90.00"), new BigDecimal("80.00"), new BigDecimal("40.00"), new BigDecimal("1.5"), true,
				active, 7001L, null, CREATED, modifiedOn);
	}

	public static StMaterial material(long id, String code, String name, long... categoryIds) {
		return new StMaterial(id, code, name, "<p>About " + name + "</p>", ids(categoryIds), new BigDecimal("12.50"),
				new BigDecimal("11.00"), new BigDecimal("10.00"), new BigDecimal("5.25"), "Each", true, true, 7002L,
				null, CREATED, MODIFIED);
	}

	public static StEquipment equipment(long id, String code, String name, long... categoryIds) {
		return new StEquipment(id, code, name, "<p>About " + name + "</p>", ids(categoryIds), new BigDecimal("2500"),
				new BigDecimal("2400"), new BigDecimal("2300"), new BigDecimal("1200"), "Pentair", "IntelliFlo VSF",
				true, CREATED, MODIFIED);
	}

	private static List<Long> ids(long... ids) {
		return Arrays.stream(ids).boxed().toList();
	}
}
