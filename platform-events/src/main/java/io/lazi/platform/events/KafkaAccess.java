package io.lazi.platform.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may write and who may read each topic: the one statement of the Kafka principals, their ACLs and
 * the {@code ce_source} values consumers accept (DESIGN §4, zero trust). A topic's producers alone write
 * it; each consumer's group reads only the topics it consumes; a {@code <topic>-dlt} is written by the
 * consumers of {@code <topic>} (their error handlers dead-letter into it) and read by operators, whose
 * {@link #ADMIN} principal is a super user. The local stack creates its ACLs from {@link #acls()};
 * {@code docs/architecture.md} shows the same table, which a test holds to this one.
 */
public final class KafkaAccess {

	/** The operator's principal: a super user of the broker, which creates topics, credentials and ACLs. */
	public static final String ADMIN = "lazi-admin";

	/** A service that connects to Kafka as a principal of its own. */
	public enum Principal {

		ST_INGEST("st-ingest-service", ConsumerGroup.literal("st-ingest-service")),
		PRICEBOOK("pricebook-service", ConsumerGroup.literal("pricebook-service")),
		/**
		 * The group the instances share ({@code image-service}: the database work, once) and one group per
		 * instance ({@code image-service-cache-<uuid>}: each instance's memory cache follows every change).
		 */
		IMAGE("image-service", ConsumerGroup.prefixed("image-service")),
		CRM_PIPELINE("crm-pipeline-service", ConsumerGroup.literal("crm-pipeline-service")),
		FIELD("field-service", ConsumerGroup.literal("field-service")),
		/** One consumer group per instance ({@code notification-<uuid>}): every instance sees every event. */
		NOTIFICATION("notification-service", ConsumerGroup.prefixed("notification-"));

		private final String user;

		private final ConsumerGroup group;

		Principal(String user, ConsumerGroup group) {
			this.user = user;
			this.group = group;
		}

		/** The SASL user name, the service's name, e.g. {@code pricebook-service}. */
		public String user() {
			return user;
		}

		/** The {@code ce_source} of everything the service publishes ({@code lazi.kafka.source}). */
		public URI source() {
			return URI.create("/lazi/" + user);
		}

		/** The consumer group (or group prefix) the service reads with. */
		public ConsumerGroup group() {
			return group;
		}

		/**
		 * The prefix of the outbox relay's {@code transactional.id} ({@code <user>-outbox-}; the relay's is
		 * {@code <user>-outbox-0}): one id for every replica, so that a relay taking over fences the one before it.
		 */
		public String outboxTransactionalIdPrefix() {
			return user + "-outbox-";
		}

		/**
		 * The group whose transactional offset on {@link KafkaAccess#outboxPositionTopic} holds the outbox rows
		 * the relay's last committed transaction carried ({@code <user>-outbox}); no consumer joins it.
		 */
		public String outboxGroup() {
			return user + "-outbox";
		}

		/** The principal named {@code user}. */
		public static Optional<Principal> ofUser(String user) {
			return Optional.ofNullable(BY_USER.get(user));
		}

		private static final Map<String, Principal> BY_USER = Arrays.stream(values())
			.collect(Collectors.toUnmodifiableMap(Principal::user, Function.identity()));
	}

	/**
	 * A consumer group name, or a prefix of group names.
	 *
	 * @param name the group id, or the prefix every group id of the service starts with
	 * @param prefixed whether {@code name} is a prefix
	 */
	public record ConsumerGroup(String name, boolean prefixed) {

		static ConsumerGroup literal(String name) {
			return new ConsumerGroup(name, false);
		}

		static ConsumerGroup prefixed(String prefix) {
			return new ConsumerGroup(prefix, true);
		}

		/** Whether {@code groupId} is this group (or starts with this prefix). */
		public boolean matches(String groupId) {
			return prefixed ? groupId.startsWith(name) : groupId.equals(name);
		}

		@Override
		public String toString() {
			return prefixed ? name + "*" : name;
		}
	}

	/**
	 * One topic's writers and readers.
	 *
	 * @param topic the topic
	 * @param producers the principals that may write it
	 * @param consumers the principals whose groups may read it (operators read every topic as {@link #ADMIN})
	 */
	public record TopicAccess(String topic, Set<Principal> producers, Set<Principal> consumers) {

		public TopicAccess {
			producers = Collections.unmodifiableSet(copy(producers));
			consumers = Collections.unmodifiableSet(copy(consumers));
		}

		/** The {@code ce_source} values a consumer of this topic accepts: its producers'. */
		public Set<URI> sources() {
			return producers.stream().map(Principal::source).collect(Collectors.toUnmodifiableSet());
		}

		/** Whether this is a {@code <topic>-dlt}. */
		public boolean deadLetter() {
			return topic.endsWith(Topics.deadLetter(""));
		}

		private static Set<Principal> copy(Set<Principal> principals) {
			return principals.isEmpty() ? EnumSet.noneOf(Principal.class) : EnumSet.copyOf(principals);
		}
	}

	/** What an ACL allows: a principal writes a topic, reads a topic, or reads with a consumer group. */
	public enum Operation {
		WRITE, READ
	}

	/** The kind of resource an ACL names. */
	public enum ResourceKind {

		TOPIC("topic"), GROUP("group"), TRANSACTIONAL_ID("transactionalId");

		private final String strimziType;

		ResourceKind(String strimziType) {
			this.strimziType = strimziType;
		}

		/** The resource type as a Strimzi {@code KafkaUser} names it, e.g. {@code transactionalId}. */
		public String strimziType() {
			return strimziType;
		}
	}

	/**
	 * One ACL: allow {@code principal} to {@code operation} the {@code kind} named {@code name} (a prefix when
	 * {@code prefixed}), from any host. Kafka's WRITE and READ imply DESCRIBE.
	 */
	public record Acl(Principal principal, Operation operation, ResourceKind kind, String name, boolean prefixed) {
	}

	private static final List<TopicAccess> SOURCE_TOPICS = List.of(
			topic(Topics.ST_RAW_CATEGORIES, Set.of(Principal.ST_INGEST), Set.of(Principal.PRICEBOOK)),
			// Before the SKU topics: a publisher's outbox position lives on the first topic it reads
			// (outboxPositionTopic), which for crm-pipeline-service and field-service stays st.raw.business-units.
			topic(Topics.ST_RAW_BUSINESS_UNITS, Set.of(Principal.ST_INGEST), Set.of(Principal.CRM_PIPELINE, Principal.FIELD)),
			topic(Topics.ST_RAW_SERVICES, Set.of(Principal.ST_INGEST), Set.of(Principal.PRICEBOOK, Principal.CRM_PIPELINE)),
			topic(Topics.ST_RAW_MATERIALS, Set.of(Principal.ST_INGEST), Set.of(Principal.PRICEBOOK, Principal.CRM_PIPELINE)),
			topic(Topics.ST_RAW_EQUIPMENT, Set.of(Principal.ST_INGEST), Set.of(Principal.PRICEBOOK, Principal.CRM_PIPELINE)),
			topic(Topics.ST_RAW_CUSTOMERS, Set.of(Principal.ST_INGEST), Set.of(Principal.CRM_PIPELINE, Principal.FIELD)),
			topic(Topics.ST_RAW_LOCATIONS, Set.of(Principal.ST_INGEST), Set.of(Principal.CRM_PIPELINE, Principal.FIELD)),
			topic(Topics.ST_RAW_JOBS, Set.of(Principal.ST_INGEST), Set.of(Principal.CRM_PIPELINE, Principal.FIELD)),
			topic(Topics.ST_RAW_APPOINTMENTS, Set.of(Principal.ST_INGEST), Set.of(Principal.CRM_PIPELINE, Principal.FIELD)),
			topic(Topics.ST_RAW_ESTIMATES, Set.of(Principal.ST_INGEST), Set.of(Principal.CRM_PIPELINE, Principal.FIELD)),
			topic(Topics.ST_RAW_TECHNICIANS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_RAW_TEAMS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_RAW_ZONES, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_RAW_APPOINTMENT_ASSIGNMENTS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_RAW_TECHNICIAN_SHIFTS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_RAW_JOB_REASONS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_RAW_LEADS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD, Principal.CRM_PIPELINE)),
			topic(Topics.ST_RAW_BOOKINGS, Set.of(Principal.ST_INGEST), Set.of(Principal.FIELD)),
			topic(Topics.ST_COMMANDS, Set.of(Principal.PRICEBOOK, Principal.FIELD), Set.of(Principal.ST_INGEST)),
			topic(Topics.SYNC_EVENTS, Set.of(Principal.ST_INGEST, Principal.PRICEBOOK),
					Set.of(Principal.PRICEBOOK, Principal.CRM_PIPELINE, Principal.FIELD, Principal.NOTIFICATION)),
			topic(Topics.PRICEBOOK_CHANGED, Set.of(Principal.PRICEBOOK), Set.of(Principal.IMAGE, Principal.NOTIFICATION)),
			topic(Topics.CRM_STAGE_MOVED, Set.of(Principal.CRM_PIPELINE), Set.of(Principal.NOTIFICATION)),
			topic(Topics.FIELD_CHANGED, Set.of(Principal.FIELD), Set.of(Principal.CRM_PIPELINE, Principal.NOTIFICATION)),
			topic(Topics.CRM_OPPORTUNITIES, Set.of(Principal.CRM_PIPELINE), Set.of(Principal.FIELD, Principal.NOTIFICATION)),
			topic(Topics.CRM_LEADS, Set.of(Principal.CRM_PIPELINE), Set.of(Principal.FIELD, Principal.NOTIFICATION)),
			topic(Topics.CRM_TASKS, Set.of(Principal.CRM_PIPELINE), Set.of(Principal.NOTIFICATION)),
			topic(Topics.CRM_CASES, Set.of(Principal.CRM_PIPELINE), Set.of(Principal.NOTIFICATION)));

	private static final List<TopicAccess> ALL = withDeadLetters();

	private static final Map<String, TopicAccess> BY_TOPIC = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(TopicAccess::topic, Function.identity()));

	private KafkaAccess() {
	}

	/** Every platform topic, each followed by its {@code -dlt}. */
	public static List<TopicAccess> topics() {
		return ALL;
	}

	/** The access of {@code topic}; empty for a topic that is not the platform's. */
	public static Optional<TopicAccess> of(String topic) {
		return Optional.ofNullable(BY_TOPIC.get(topic));
	}

	/**
	 * Every ACL of the service principals: WRITE on each topic a principal produces, READ on each topic it
	 * consumes and READ on its consumer group; for a principal that publishes events (through its outbox),
	 * WRITE on its outbox relay's transactional ids and READ on its {@link Principal#outboxGroup()}. Nothing
	 * else is allowed ({@code allow.everyone.if.no.acl.found=false}).
	 */
	public static List<Acl> acls() {

		var acls = new ArrayList<Acl>();
		for (var access : ALL) {
			access.producers()
				.forEach(p -> acls.add(new Acl(p, Operation.WRITE, ResourceKind.TOPIC, access.topic(), false)));
			access.consumers()
				.forEach(p -> acls.add(new Acl(p, Operation.READ, ResourceKind.TOPIC, access.topic(), false)));
		}
		for (var principal : Principal.values()) {
			if (ALL.stream().anyMatch(access -> access.consumers().contains(principal))) {
				acls.add(new Acl(principal, Operation.READ, ResourceKind.GROUP, principal.group().name(),
						principal.group().prefixed()));
			}
			if (publishes(principal)) {
				acls.add(new Acl(principal, Operation.WRITE, ResourceKind.TRANSACTIONAL_ID,
						principal.user() + "-outbox", true));
				acls.add(new Acl(principal, Operation.READ, ResourceKind.GROUP, principal.outboxGroup(), false));
			}
		}
		return List.copyOf(acls);
	}

	/** The topics {@code principal} may write. */
	public static Set<String> writes(Principal principal) {
		return ALL.stream()
			.filter(access -> access.producers().contains(principal))
			.map(TopicAccess::topic)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** Whether {@code principal} produces a platform topic other than a {@code -dlt}: it has an outbox to relay. */
	public static boolean publishes(Principal principal) {
		return ALL.stream().anyMatch(access -> !access.deadLetter() && access.producers().contains(principal));
	}

	/**
	 * The topic whose partition 0 carries {@code principal}'s outbox position as a transactional offset of
	 * {@link Principal#outboxGroup()}: the first platform topic it consumes, because Kafka lets a transaction
	 * commit offsets only for a topic the principal may read. The offset is an outbox {@code seq}, not a
	 * position in that topic.
	 */
	public static String outboxPositionTopic(Principal principal) {
		return ALL.stream()
			.filter(access -> !access.deadLetter() && access.consumers().contains(principal))
			.map(TopicAccess::topic)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(principal.user() + " consumes no platform topic"));
	}

	private static TopicAccess topic(String topic, Set<Principal> producers, Set<Principal> consumers) {
		return new TopicAccess(topic, producers, consumers);
	}

	private static List<TopicAccess> withDeadLetters() {

		var all = new ArrayList<TopicAccess>();
		for (var access : SOURCE_TOPICS) {
			all.add(access);
			all.add(new TopicAccess(Topics.deadLetter(access.topic()), access.consumers(), Set.of()));
		}
		return List.copyOf(all);
	}
}
