package io.lazi.stsimulator.crm;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * ServiceTitan's {@code Crm.V2.BookingResponse}: a job request from a booking provider (the web scheduler, a
 * call-center partner) before, or after, the office turns it into a job (bookings have no active flag).
 *
 * @param status {@code New}, {@code Converted}, {@code Dismissed} or {@code Accepted}
 * @param jobId the job it became, once converted
 * @param address {@code address}, {@code customerType} and {@code priority} are left out when null, as the other
 *        nullable {@code oneOf} wrappers of the specs (a null does not validate against them)
 */
public record Booking(long id, String source, Instant createdOn, String name, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Address address,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String customerType, Instant start, @Nullable Long campaignId, @Nullable Long businessUnitId,
		@Nullable Boolean isFirstTimeClient, List<Object> uploadedImages, @Nullable Boolean isSendConfirmationEmail,
		String status, @Nullable Long dismissingReasonId, @Nullable Long jobId, String externalId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String priority, @Nullable Long jobTypeId, long bookingProviderId, Instant modifiedOn,
		@Nullable String summary) implements CrmRecord {

	/** {@code Crm.V2.AddressModel}: a customer address without coordinates. */
	public record Address(String street, @Nullable String unit, String city, String state, String zip, String country) {

		public static Address of(Customer.Address address) {
			return new Address(address.street(), address.unit(), address.city(), address.state(), address.zip(),
					address.country());
		}
	}

	@Override
	public boolean active() {
		return true;
	}
}
