package io.lazi.platform.events;

/**
 * What a {@link FieldCommand} asks st-ingest to write to ServiceTitan, with the ServiceTitan call it makes and the
 * {@link FieldCommand#stId()} it names. After a write st-ingest reads the affected records back and returns them in
 * {@link FieldCommandCompleted}.
 */
public enum FieldAction {

	/**
	 * {@code POST /crm/v2/tenant/{tenant}/customers} with name, type and address, and the email and phone as its
	 * contacts where given; stId a provisional negative id.
	 */
	CREATE_CUSTOMER,

	/** {@code PATCH /crm/v2/tenant/{tenant}/customers/{stId}} with the supplied name, type and address. */
	UPDATE_CUSTOMER,

	/** {@code PATCH /jpm/v2/tenant/{tenant}/jobs/{stId}} with the supplied summary, business unit, job type, priority. */
	UPDATE_JOB,

	/** {@code PUT /jpm/v2/tenant/{tenant}/jobs/{stId}/cancel} with {@code reasonId} and {@code memo}. */
	CANCEL_JOB,

	/** {@code PUT /jpm/v2/tenant/{tenant}/jobs/{stId}/hold} with {@code reasonId} and {@code memo}. */
	HOLD_JOB,

	/** {@code PUT /jpm/v2/tenant/{tenant}/jobs/{stId}/complete} with {@code completedOn} ({@code end}, else now). */
	COMPLETE_JOB,

	/**
	 * {@code POST /dispatch/v2/tenant/{tenant}/appointment-assignments/assign-technicians} for the appointment
	 * {@code appointmentId} of job {@code stId} with {@code technicianIds}.
	 */
	ASSIGN_TECHNICIANS,

	/** {@code POST /dispatch/v2/tenant/{tenant}/appointment-assignments/unassign-technicians}, as for assign. */
	UNASSIGN_TECHNICIANS,

	/** {@code PATCH /jpm/v2/tenant/{tenant}/appointments/{stId}/reschedule} with {@code start} and {@code end}. */
	RESCHEDULE_APPOINTMENT,

	/** {@code PUT /jpm/v2/tenant/{tenant}/appointments/{stId}/confirmation}. */
	CONFIRM_APPOINTMENT,

	/** {@code PUT /sales/v2/tenant/{tenant}/estimates/{stId}/sell} ({@code soldBy} from {@code technicianIds[0]}, else 0). */
	SELL_ESTIMATE,

	/** {@code PUT /sales/v2/tenant/{tenant}/estimates/{stId}/dismiss}. */
	DISMISS_ESTIMATE
}
