package io.lazi.pricebook.sku.kafka;

import io.lazi.platform.events.EventTypes;
import io.lazi.platform.events.StEquipment;
import io.lazi.platform.events.StMaterial;
import io.lazi.platform.events.StRecordFetched;
import io.lazi.platform.events.StService;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The raw SKU event types and the generic payload each one carries. */
enum RawSku {

	SERVICE(new TypeReference<StRecordFetched<StService>>() {
	}),
	MATERIAL(new TypeReference<StRecordFetched<StMaterial>>() {
	}),
	EQUIPMENT(new TypeReference<StRecordFetched<StEquipment>>() {
	});

	private final TypeReference<? extends StRecordFetched<?>> type;

	RawSku(TypeReference<? extends StRecordFetched<?>> type) {
		this.type = type;
	}

	/** Reads the payload; fails with Jackson's exception on malformed JSON. */
	StRecordFetched<?> decode(JsonMapper json, byte[] data) {
		return json.readValue(data, type);
	}

	/**
	 * The kind of a {@code ce_type}.
	 *
	 * @throws IllegalArgumentException for a type that does not belong on the raw SKU topics
	 */
	static RawSku of(String ceType, String topic) {
		return switch (ceType) {
			case EventTypes.SERVICE_FETCHED -> SERVICE;
			case EventTypes.MATERIAL_FETCHED -> MATERIAL;
			case EventTypes.EQUIPMENT_FETCHED -> EQUIPMENT;
			default -> throw new IllegalArgumentException("Unexpected event type " + ceType + " on " + topic);
		};
	}
}
