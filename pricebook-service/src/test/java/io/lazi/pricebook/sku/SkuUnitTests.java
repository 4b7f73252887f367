package io.lazi.pricebook.sku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.StService;

class SkuUnitTests {

	@Test
	void takesTheIdsOfAServicesCategoryObjectsOnceEach() {

		var service = StSkus.service(1, "SVC", "Service", 10, 20, 10);

		assertThat(Sku.of(service)).extracting(Sku::kind, Sku::categoryStIds, Sku::hours, Sku::unitOfMeasure)
			.containsExactly(SkuKind.SERVICE, List.of(10L, 20L), new BigDecimal("1.5"), null);
	}

	@Test
	void keepsTheKindSpecificValuesOfMaterialsAndEquipment() {

		assertThat(Sku.of(StSkus.material(2, "MAT", "Material", 30))).extracting(Sku::kind, Sku::categoryStIds,
				Sku::unitOfMeasure, Sku::isInventory, Sku::taxable)
			.containsExactly(SkuKind.MATERIAL, List.of(30L), "Each", true, null);
		assertThat(Sku.of(StSkus.equipment(3, "EQ", "Equipment"))).extracting(Sku::kind, Sku::manufacturer,
				Sku::model, Sku::categoryStIds)
			.containsExactly(SkuKind.EQUIPMENT, "Pentair", "IntelliFlo VSF", List.of());
	}

	@Test
	void rejectsARecordThatIsNoSkuOrLacksItsCode() {

		var noCode = new StService(4, null, "No code", null, List.of(), null, null, null, null, null, false, true,
				null, null, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> Sku.of("not a sku"));
		assertThatIllegalArgumentException().isThrownBy(() -> Sku.of(noCode)).withMessageContaining("no code");
	}
}
