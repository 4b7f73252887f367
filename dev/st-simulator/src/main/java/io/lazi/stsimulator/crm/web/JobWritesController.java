package io.lazi.stsimulator.crm.web;

import java.util.Objects;

import io.lazi.stsimulator.crm.CrmCatalog;
import io.lazi.stsimulator.crm.CrmWrites;
import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * ServiceTitan's job writes: {@code Jobs_Update} ({@code PATCH /jobs/{id}}, {@code UpdateJobRequest}, only the
 * supplied fields change, 200 {@code JobResponse}), {@code Jobs_Cancel} ({@code PUT /jobs/{id}/cancel}
 * {@code {reasonId, memo}}), {@code Jobs_Hold} ({@code PUT /jobs/{id}/hold} {@code {reasonId, memo}}) and
 * {@code Jobs_Complete} ({@code PUT /jobs/{id}/complete} {@code {completedOn}}), the last three answering 200
 * without a body, as the spec has it. Each stamps the job's {@code modifiedOn}; a status change is logged in the
 * job's history. Semantics and refusals: {@link CrmWrites}; a bad body is a 400 naming the field.
 */
@RestController
@RequestMapping("/jpm/v2/tenant/{tenant}/jobs/{id}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class JobWritesController {

	private final CrmCatalog catalog;

	@PatchMapping
	Job update(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var changes = JobRequestBody.forUpdate(body);
		return catalog.write(tenant, (data, now) -> CrmWrites.updateJob(data, id, changes, now));
	}

	@PutMapping("/cancel")
	void cancel(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var reason = Reason.of(body);
		catalog.write(tenant, (data, now) -> CrmWrites.cancelJob(data, id, reason.reasonId(), reason.memo(), now));
	}

	@PutMapping("/hold")
	void hold(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var reason = Reason.of(body);
		catalog.write(tenant, (data, now) -> CrmWrites.holdJob(data, id, reason.reasonId(), reason.memo(), now));
	}

	@PutMapping("/complete")
	void complete(@PathVariable long tenant, @PathVariable long id, @RequestBody JsonNode body) {

		var fields = RequestFields.of(body);
		var completedOn = fields.dateTime("completedOn", Need.REQUIRED);
		fields.throwIfAny();
		catalog.write(tenant, (data, now) -> CrmWrites.completeJob(data, id, Objects.requireNonNull(completedOn), now));
	}

	/** {@code Jpm.V2.CancelJobRequest} and {@code HoldJobRequest}: both fields required. */
	private record Reason(long reasonId, String memo) {

		static Reason of(JsonNode body) {

			var fields = RequestFields.of(body);
			var reasonId = fields.int64("reasonId", Need.REQUIRED);
			var memo = fields.string("memo", Need.REQUIRED);
			fields.throwIfAny();
			return new Reason(Objects.requireNonNull(reasonId), Objects.requireNonNull(memo));
		}
	}
}
