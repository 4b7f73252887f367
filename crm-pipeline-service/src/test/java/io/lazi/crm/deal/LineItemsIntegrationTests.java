package io.lazi.crm.deal;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.lazi.crm.CrmIntegrationTest;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StService;
import io.lazi.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pricebook snapshot from {@code st.raw.services|materials|equipment} ({@code GET /api/crm/products}) and an
 * opportunity's line items priced from it, the opportunity's amount following them unless set by hand.
 */
@CrmIntegrationTest
class LineItemsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final DealFixtures fx;

	@Autowired
	LineItemsIntegrationTests(MockMvc mvc, KafkaTemplate<String, byte[]> kafka, JsonMapper json, DSLContext dsl) {
		this.fx = new DealFixtures(mvc, kafka, json, dsl);
	}

	@Test
	void keepsTheNewestOfEachProductFromTheRawPricebookRecords() throws Exception {

		publishService(1, "Pool opening", "120.00", true, now.plusSeconds(60));
		// Older, arriving later: ignored.
		publishService(1, "Pool opening (old)", "90.00", true, now);
		fx.publishRaw(Topics.ST_RAW_MATERIALS, Events.MATERIAL_FETCHED, 2, new StMaterial(2, "CHL-10", "Chlorine 10kg",
				null, List.of(), new BigDecimal("10.50"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "bag", false, true, null, null, now, now), now);
		fx.publishRaw(Topics.ST_RAW_EQUIPMENT, Events.EQUIPMENT_FETCHED, 3, new StEquipment(3, "HTR-1", null, "Heater",
				List.of(), new BigDecimal("2499.999"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "Hayward", "H1", false, now, now), now);
		// A newer one again, the last: applied.
		publishService(4, "Spa check", "80.00", true, now);
		publishService(4, "Spa check-up", "85.00", true, now.plusSeconds(5));

		await().atMost(TIMEOUT).untilAsserted(() -> fx.get("/api/crm/products")
			.andExpect(jsonPath("$.totalItems").value(4))
			.andExpect(jsonPath("$.items[?(@.type == 'service' && @.id == 4)].name").value("Spa check-up")));
		fx.get("/api/crm/products?type=service&q=pool")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].id").value(1))
			.andExpect(jsonPath("$.items[0].code").value("SVC-1"))
			.andExpect(jsonPath("$.items[0].name").value("Pool opening"))
			.andExpect(jsonPath("$.items[0].price").value(120.0))
			.andExpect(jsonPath("$.items[0].active").value(true));
		fx.get("/api/crm/products?type=equipment")
			.andExpect(jsonPath("$.items[0].name").value("HTR-1"))
			.andExpect(jsonPath("$.items[0].price").value(2500.0))
			.andExpect(jsonPath("$.items[0].active").value(false));
		fx.get("/api/crm/products?q=chl&active=true").andExpect(jsonPath("$.items[0].type").value("material"));
		fx.get("/api/crm/products?type=gadget").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("type"));
		fx.asOtherTenant(get("/api/crm/products"), null).andExpect(jsonPath("$.totalItems").value(0));
	}

	@Test
	void pricesLineItemsFromThePricebookAndTheAmountFollowsThemUnlessSetByHand() throws Exception {

		publishService(1, "Pool opening", "120.00", true, now);
		fx.publishRaw(Topics.ST_RAW_MATERIALS, Events.MATERIAL_FETCHED, 2, new StMaterial(2, "CHL-10", "Chlorine 10kg",
				null, List.of(), new BigDecimal("10.50"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "bag", false, true, null, null, now, now), now);
		fx.publishRaw(Topics.ST_RAW_EQUIPMENT, Events.EQUIPMENT_FETCHED, 3, new StEquipment(3, "HTR-1", "Heater", null,
				List.of(), new BigDecimal("2500.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null, false, now, now), now);
		await().atMost(TIMEOUT).untilAsserted(() -> fx.get("/api/crm/products").andExpect(jsonPath("$.totalItems").value(3)));
		var id = DealFixtures.idOf(fx.post("/api/crm/opportunities", "{\"title\":\"Opening\",\"pipeline\":\"SALES\"}"));

		var items = "/api/crm/opportunities/{id}/line-items";
		var first = DealFixtures.idOf(fx.perform(post(items, id).header("If-Match", "\"1\""), fx.manager(),
				"{\"productType\":\"service\",\"productId\":1,\"quantity\":2}")
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.code").value("SVC-1"))
			.andExpect(jsonPath("$.name").value("Pool opening"))
			.andExpect(jsonPath("$.quantity").value(2.0))
			.andExpect(jsonPath("$.unitPrice").value(120.0))
			.andExpect(jsonPath("$.discount").value(0.0))
			.andExpect(jsonPath("$.total").value(240.0))
			.andExpect(jsonPath("$.position").value(1)));
		fx.post(items, "{\"productType\":\"material\",\"productId\":2,\"quantity\":3.333,\"unitPrice\":9.99,\"discount\":1.5}", id)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.unitPrice").value(9.99))
			.andExpect(jsonPath("$.total").value(31.80)) // 33.29667 - 1.50, half-up
			.andExpect(jsonPath("$.position").value(2));
		fx.get(items, id)
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.total").value(271.80))
			.andExpect(jsonPath("$.amount").value(271.80))
			.andExpect(jsonPath("$.amountManual").value(false));

		// A later pricebook price: lines keep theirs, a new line takes it.
		publishService(1, "Pool opening", "130.00", true, now.plusSeconds(60));
		await().atMost(TIMEOUT).untilAsserted(() -> fx.get("/api/crm/products?type=service")
			.andExpect(jsonPath("$.items[0].price").value(130.0)));
		fx.get("/api/crm/opportunities/{id}", id).andExpect(jsonPath("$.lineItems[0].unitPrice").value(120.0));
		var third = DealFixtures.idOf(fx.post(items, "{\"productType\":\"service\",\"productId\":1}", id)
			.andExpect(jsonPath("$.unitPrice").value(130.0))
			.andExpect(jsonPath("$.position").value(3)));

		// Changing a line: a missing unit price is the product's now.
		fx.perform(put(items + "/{item}", id, first).header("If-Match", "\"4\""), fx.manager(),
				"{\"productType\":\"service\",\"productId\":1,\"quantity\":1,\"discount\":10}")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"5\""))
			.andExpect(jsonPath("$.unitPrice").value(130.0))
			.andExpect(jsonPath("$.total").value(120.0))
			.andExpect(jsonPath("$.position").value(1));
		fx.get("/api/crm/opportunities/{id}", id).andExpect(jsonPath("$.opportunity.amount").value(281.80));

		// Bad lines, each 400 naming the field; a stale version 412.
		for (var bad : List.of(List.of("{\"productId\":1}", "productType"),
				List.of("{\"productType\":\"gadget\",\"productId\":1}", "productType"),
				List.of("{\"productType\":\"service\"}", "productId"),
				List.of("{\"productType\":\"service\",\"productId\":999}", "productId"),
				List.of("{\"productType\":\"equipment\",\"productId\":3}", "productId"),
				List.of("{\"productType\":\"service\",\"productId\":1,\"quantity\":0}", "quantity"),
				List.of("{\"productType\":\"service\",\"productId\":1,\"quantity\":0.0001}", "quantity"),
				List.of("{\"productType\":\"service\",\"productId\":1,\"unitPrice\":-1}", "unitPrice"),
				List.of("{\"productType\":\"service\",\"productId\":1,\"discount\":130.01}", "discount"))) {
			fx.post(items, bad.get(0), id).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(bad.get(1)));
		}
		fx.perform(post(items, id).header("If-Match", "\"4\""), fx.manager(),
				"{\"productType\":\"service\",\"productId\":1}")
			.andExpect(status().isPreconditionFailed());

		// An amount set by hand stays whatever the lines do, until it is given back to them.
		fx.put("/api/crm/opportunities/{id}", "{\"title\":\"Opening\",\"amount\":5000}", id)
			.andExpect(jsonPath("$.opportunity.amountManual").value(true));
		fx.delete(items + "/{item}", id, third).andExpect(status().isNoContent());
		fx.get("/api/crm/opportunities/{id}", id)
			.andExpect(jsonPath("$.opportunity.amount").value(5000.0))
			.andExpect(jsonPath("$.lineItems.length()").value(2));
		fx.put("/api/crm/opportunities/{id}", "{\"title\":\"Opening\",\"amountManual\":false}", id)
			.andExpect(jsonPath("$.opportunity.amount").value(151.80));
		fx.perform(delete(items + "/{item}", id, first), fx.manager(), null)
			.andExpect(status().isNoContent())
			.andExpect(header().string("ETag", "\"9\""));
		fx.get("/api/crm/opportunities/{id}", id)
			.andExpect(jsonPath("$.opportunity.amount").value(31.80))
			.andExpect(jsonPath("$.lineItems[0].position").value(1))
			.andExpect(jsonPath("$.lineItems[0].productType").value("material"));
		fx.delete(items + "/{item}", id, first).andExpect(status().isNotFound());

		// Another tenant's opportunity is not found on any route; a viewer does not write.
		var line = "{\"productType\":\"service\",\"productId\":1}";
		var second = UUID.fromString(com.jayway.jsonpath.JsonPath.read(
				fx.get(items, id).andReturn().getResponse().getContentAsString(), "$.items[0].id"));
		fx.asOtherTenant(get(items, id), null).andExpect(status().isNotFound());
		fx.asOtherTenant(post(items, id), line).andExpect(status().isNotFound());
		fx.asOtherTenant(put(items + "/{item}", id, second), line).andExpect(status().isNotFound());
		fx.asOtherTenant(delete(items + "/{item}", id, second), null).andExpect(status().isNotFound());
		fx.perform(post(items, id), fx.viewer(), line).andExpect(status().isForbidden());
		fx.perform(put(items + "/{item}", id, second), fx.viewer(), line).andExpect(status().isForbidden());
		fx.perform(delete(items + "/{item}", id, second), fx.viewer(), null).andExpect(status().isForbidden());
		fx.get("/api/crm/opportunities/{id}", id).andExpect(jsonPath("$.lineItems.length()").value(1));
	}

	private void publishService(long id, String name, String price, boolean active, Instant modifiedOn) throws Exception {
		fx.publishRaw(Topics.ST_RAW_SERVICES, Events.SERVICE_FETCHED, id, new StService(id, "SVC-" + id, name, null,
				List.of(), new BigDecimal(price), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, true,
				active, null, null, now, modifiedOn), now);
	}
}
