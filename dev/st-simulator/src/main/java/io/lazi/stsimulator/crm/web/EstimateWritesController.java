package io.lazi.stsimulator.crm.web;

import java.util.Objects;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmWrites;
import io.lazi.stsimulator.crm.Estimate;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's {@code Estimates_Sell} ({@code PUT /estimates/{id}/sell} {@code {soldBy}}, any employee id
 * including 0, 200 {@code EstimateResponse} with status {@code {1, "Sold"}} and {@code soldOn} now) and
 * {@code Estimates_Dismiss} ({@code PUT /estimates/{id}/dismiss}, no body, 200 without a body; status
 * {@code {2, "Dismissed"}}). Semantics and refusals: {@link CrmWrites}; a bad body is a 400 naming the field.
 */
@RestController
@RequestMapping("/sales/v2/tenant/{tenant}/estimates/{id}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EstimateWritesController {

	private final CrmCatalog catalog;

	@PutMapping("/sell")
	Estimate sell(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var fields = RequestFields.of(body);
		var soldBy = fields.int64("soldBy", Need.REQUIRED);
		fields.throwIfAny();
		return catalog.write(tenant, (data, now) -> CrmWrites.sell(data, id, Objects.requireNonNull(soldBy), now));
	}

	@PutMapping("/dismiss")
	void dismiss(@PathVariable long tenant, @PathVariable long id) {
		catalog.write(tenant, (data, now) -> CrmWrites.dismiss(data, id, now));
	}
}
