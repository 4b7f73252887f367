package io.lazi.stsimulator.crm;

import java.time.Instant;

/**
 * A reason a job is canceled ({@code Jpm.V2.JobCancelReasonResponse}) or put on hold
 * ({@code Jpm.V2.JobHoldReasonResponse}); both have this shape. Only active reasons can be used.
 */
public record JobReason(long id, String name, boolean active, Instant createdOn, Instant modifiedOn)
		implements CrmRecord {
}
