package io.lazi.stsimulator.pricebook.seed;

import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;

import io.lazi.stsimulator.pricebook.Category;
import io.lazi.stsimulator.pricebook.CategoryType;
import io.lazi.stsimulator.pricebook.sku.Sku;
import io.lazi.stsimulator.pricebook.sku.SkuKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkuSeedDataUnitTests {

	private final Map<SkuKind, Map<Long, java.util.List<Sku>>> seed = SkuSeedData.generate();

	@Test
	void seedsTheReferenceTenantWithHundredsOfSkusAndTheIsolationTenantWithAFew() {

		assertThat(seed.get(SkuKind.SERVICES).get(ReferenceTenant.TENANT_ID)).hasSize(600);
		assertThat(seed.get(SkuKind.MATERIALS).get(ReferenceTenant.TENANT_ID)).hasSize(900);
		assertThat(seed.get(SkuKind.EQUIPMENT).get(ReferenceTenant.TENANT_ID)).hasSize(120);
		assertThat(seed.values()).allSatisfy(tenants -> assertThat(tenants.get(IsolationTenant.TENANT_ID)).hasSize(5));
	}

	@Test
	void generatesEqualDataOnEveryCall() {
		assertThat(SkuSeedData.generate()).isEqualTo(seed);
	}

	@Test
	void filesServicesUnderServiceCategoriesAndTheOthersUnderMaterialCategories() {

		var types = ReferenceTenant.generate().stream().collect(Collectors.toMap(Category::id, Category::categoryType));
		var services = seed.get(SkuKind.SERVICES).get(ReferenceTenant.TENANT_ID);
		var equipment = seed.get(SkuKind.EQUIPMENT).get(ReferenceTenant.TENANT_ID);

		assertThat(services).allSatisfy(sku -> assertThat(sku.categoryIds()).isNotEmpty()
			.allSatisfy(id -> assertThat(types.get(id)).isEqualTo(CategoryType.SERVICES)));
		assertThat(equipment).allSatisfy(sku -> assertThat(sku.categoryIds())
			.allSatisfy(id -> assertThat(types.get(id)).isEqualTo(CategoryType.MATERIALS)));
	}

	@Test
	void givesUniqueIdsAndCodesSomeInactiveSkusAndSpreadModificationTimes() {

		var materials = seed.get(SkuKind.MATERIALS).get(ReferenceTenant.TENANT_ID);

		assertThat(new HashSet<>(materials.stream().map(Sku::id).toList())).hasSize(900);
		assertThat(new HashSet<>(materials.stream().map(Sku::code).toList())).hasSize(900);
		assertThat(materials.stream().filter(sku -> !sku.active()).count()).isBetween(10L, 90L);
		assertThat(materials.stream().map(sku -> sku.modifiedOn().toString().substring(0, 7)).distinct().count())
			.isGreaterThanOrEqualTo(8);
		assertThat(materials).allSatisfy(sku -> assertThat(sku.price()).isGreaterThan(sku.cost()));
	}
}
