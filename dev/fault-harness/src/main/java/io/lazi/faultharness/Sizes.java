package io.lazi.faultharness;

import java.time.Duration;

/**
 * How big a run is.
 *
 * @param categories categories of the synthetic pricebook
 * @param editRounds incremental syncs, each after {@code editsPerRound} ServiceTitan edits
 * @param editsPerRound ServiceTitan edits before each incremental sync
 * @param renames overrides that rename a category, pushed
 * @param moves overrides that move a leaf under another parent, pushed
 * @param creates local creates, pushed
 * @param deletes local deletes of leaves, pushed
 * @param clients WebSocket clients of the pricebook tenant
 * @param meanDrop how long a client stays connected on average before it drops and reconnects
 * @param faults faults of the schedule
 * @param span over how long the faults are spread
 * @param freeze how long a frozen process stays frozen: beyond the consumers' session timeout (Kafka's 45 s; the
 * short form's stack gets 10 s, {@code SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS} in this module's POM)
 * @param stFault how long a ServiceTitan fault lasts
 * @param crm the CRM workload
 */
public record Sizes(int categories, int editRounds, int editsPerRound, int renames, int moves, int creates, int deletes,
		int clients, Duration meanDrop, int faults, Duration span, Duration freeze, Duration stFault, CrmSizes crm) {

	/** The short form of {@code ./mvnw verify}: a few minutes on 2 cores, every fault class once. */
	public static final Sizes SHORT = new Sizes(300, 3, 40, 6, 3, 3, 3, 4, Duration.ofSeconds(20), 9,
			Duration.ofSeconds(90), Duration.ofSeconds(15), Duration.ofSeconds(15), CrmSizes.SHORT);

	/**
	 * The sizes: 20,000 categories, 5,000 edits over ten incremental syncs, 1,000 overrides, 200
	 * clients, a 10,000-customer CRM tenant; faults spread over {@code minutes}, about two a minute, the token endpoint down for a minute.
	 */
	public static Sizes full(int minutes) {
		return new Sizes(20_000, 10, 500, 400, 200, 200, 200, 200, Duration.ofSeconds(45), Math.max(9, 2 * minutes),
				Duration.ofMinutes(minutes), Duration.ofSeconds(60), Duration.ofSeconds(60), CrmSizes.LONG);
	}
}
