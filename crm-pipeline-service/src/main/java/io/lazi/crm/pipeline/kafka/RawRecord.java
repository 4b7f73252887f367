package io.lazi.crm.pipeline.kafka;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StAppointment;
import io.lazi.platform.events.StBusinessUnit;
import io.lazi.platform.events.StCustomer;
import io.lazi.platform.events.StEstimate;
import io.lazi.platform.events.StJob;
import io.lazi.platform.events.StLocation;
import io.lazi.platform.events.StRecordFetched;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The raw record event types and the generic payload each one carries. */
enum RawRecord {

	CUSTOMER(new TypeReference<StRecordFetched<StCustomer>>() {
	}),
	LOCATION(new TypeReference<StRecordFetched<StLocation>>() {
	}),
	JOB(new TypeReference<StRecordFetched<StJob>>() {
	}),
	APPOINTMENT(new TypeReference<StRecordFetched<StAppointment>>() {
	}),
	ESTIMATE(new TypeReference<StRecordFetched<StEstimate>>() {
	}),
	BUSINESS_UNIT(new TypeReference<StRecordFetched<StBusinessUnit>>() {
	});

	private final TypeReference<? extends StRecordFetched<?>> type;

	RawRecord(TypeReference<? extends StRecordFetched<?>> type) {
		this.type = type;
	}

	/** Reads the payload; fails with Jackson's exception on malformed JSON. */
	StRecordFetched<?> decode(JsonMapper json, byte[] data) {
		return json.readValue(data, type);
	}

	/**
	 * The kind of a {@code ce_type}.
	 *
	 * @throws IllegalArgumentException for a type that does not belong on the raw record topics
	 */
	static RawRecord of(String ceType, String topic) {
		return switch (ceType) {
			case EventTypes.CUSTOMER_FETCHED -> CUSTOMER;
			case EventTypes.LOCATION_FETCHED -> LOCATION;
			case EventTypes.JOB_FETCHED -> JOB;
			case EventTypes.APPOINTMENT_FETCHED -> APPOINTMENT;
			case EventTypes.ESTIMATE_FETCHED -> ESTIMATE;
			case EventTypes.BUSINESS_UNIT_FETCHED -> BUSINESS_UNIT;
			default -> throw new IllegalArgumentException("Unexpected event type " + ceType + " on " + topic);
		};
	}
}
