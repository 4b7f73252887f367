package io.lazi.stsimulator.crm.web;

import java.util.List;

import io.lazi.stsimulator.crm.Job;
import io.lazi.stsimulator.crm.JobChanges;
import io.lazi.stsimulator.errors.RequestFields;
import io.lazi.stsimulator.errors.RequestFields.Need;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a job update body against ServiceTitan's {@code Jpm.V2.UpdateJobRequest} (every field optional, none
 * nullable but {@code jobGeneratedLeadSource} and {@code soldById}; {@code priority} Low, Normal, High or Urgent)
 * and reports every violation in one 400, keyed by field path.
 */
final class JobRequestBody {

	static final List<String> PRIORITIES = List.of("Low", "Normal", "High", "Urgent");

	private JobRequestBody() {
	}

	static JobChanges forUpdate(JsonNode body) {

		var fields = RequestFields.of(body);
		var customerId = fields.int64("customerId", Need.OPTIONAL);
		var locationId = fields.int64("locationId", Need.OPTIONAL);
		var businessUnitId = fields.int64("businessUnitId", Need.OPTIONAL);
		var leadSourceFields = fields.object("jobGeneratedLeadSource", Need.NULLABLE);
		Job.@Nullable LeadSource leadSource = null;
		if (leadSourceFields != null) {
			leadSource = new Job.LeadSource(leadSourceFields.int64("jobId", Need.NULLABLE),
					leadSourceFields.int64("employeeId", Need.NULLABLE));
		}
		var jobTypeId = fields.int64("jobTypeId", Need.OPTIONAL);
		var priority = fields.oneOf("priority", Need.OPTIONAL, PRIORITIES);
		var campaignId = fields.int64("campaignId", Need.OPTIONAL);
		var summary = fields.string("summary", Need.OPTIONAL);
		fields.bool("shouldUpdateInvoiceItems", Need.OPTIONAL); // no invoices here: checked, without effect
		var customFields = CrmRequestParts.customFields(fields, Need.OPTIONAL, true, true);
		var tagTypeIds = fields.int64s("tagTypeIds", Need.OPTIONAL);
		var externalData = CrmRequestParts.externalDataChange(fields);
		var customerPo = fields.string("customerPo", Need.OPTIONAL);
		var soldById = fields.int64("soldById", Need.NULLABLE);
		fields.throwIfAny();
		return new JobChanges(customerId, locationId, businessUnitId, fields.has("jobGeneratedLeadSource"), leadSource,
				jobTypeId, priority, campaignId, summary, customFields, tagTypeIds, externalData, customerPo,
				fields.has("soldById"), soldById);
	}
}
