package io.lazi.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lazi.platform.events.KafkaAccess.Acl;
import io.lazi.platform.events.KafkaAccess.Operation;
import io.lazi.platform.events.KafkaAccess.Principal;
import io.lazi.platform.events.KafkaAccess.ResourceKind;
import io.lazi.platform.events.KafkaAccess.TopicAccess;

/**
 * {@link KafkaAccess} covers every topic of the registry and its dead letters, gives each topic writers and
 * readers, and says what the table in {@code docs/architecture.md} ("Kafka principals and ACLs") says.
 */
class KafkaAccessUnitTests {

	private static final String SECTION = "## Kafka principals and ACLs";

	@Test
	void coversEveryRegisteredTopicAndItsDeadLetters() {

		var expected = new ArrayList<String>();
		Events.topics().forEach(topic -> expected.addAll(List.of(topic, Topics.deadLetter(topic))));

		assertThat(KafkaAccess.topics()).extracting(TopicAccess::topic).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(KafkaAccess.topics()).filteredOn(access -> !access.deadLetter())
			.allSatisfy(access -> {
				assertThat(access.producers()).as(access.topic() + " writers").isNotEmpty();
				assertThat(access.consumers()).as(access.topic() + " readers").isNotEmpty();
				var deadLetter = KafkaAccess.of(Topics.deadLetter(access.topic())).orElseThrow();
				assertThat(deadLetter.producers()).isEqualTo(access.consumers());
				assertThat(deadLetter.consumers()).isEmpty();
			});
	}

	@Test
	void letsStIngestAloneWriteTheRawTopics() {

		assertThat(KafkaAccess.topics()).filteredOn(access -> access.topic().startsWith("st.raw.") && !access.deadLetter())
			.allSatisfy(access -> assertThat(access.producers()).containsExactly(Principal.ST_INGEST));
		assertThat(KafkaAccess.writes(Principal.ST_INGEST)).noneMatch(topic -> topic.startsWith("pricebook.")
				|| topic.equals(Topics.ST_COMMANDS) || topic.equals(Topics.CRM_STAGE_MOVED));
	}

	@Test
	void grantsWriteToWritersReadToReadersAndTheirGroupsAndNothingElse() {

		var acls = KafkaAccess.acls();

		assertThat(acls).doesNotHaveDuplicates();
		for (var access : KafkaAccess.topics()) {
			assertThat(acls).filteredOn(acl -> acl.kind() == ResourceKind.TOPIC && acl.name().equals(access.topic()))
				.containsExactlyInAnyOrderElementsOf(expectedTopicAcls(access));
		}
		var publishers = Arrays.stream(Principal.values()).filter(KafkaAccess::publishes).toList();
		var groups = new ArrayList<Acl>();
		Arrays.stream(Principal.values())
			.forEach(p -> groups.add(new Acl(p, Operation.READ, ResourceKind.GROUP, p.group().name(), p.group().prefixed())));
		publishers.forEach(p -> groups.add(new Acl(p, Operation.READ, ResourceKind.GROUP, p.outboxGroup(), false)));
		assertThat(acls).filteredOn(acl -> acl.kind() == ResourceKind.GROUP).containsExactlyInAnyOrderElementsOf(groups);
		assertThat(acls).filteredOn(acl -> acl.kind() == ResourceKind.TRANSACTIONAL_ID)
			.containsExactlyInAnyOrderElementsOf(publishers.stream()
				.map(p -> new Acl(p, Operation.WRITE, ResourceKind.TRANSACTIONAL_ID, p.user() + "-outbox", true))
				.toList());
		assertThat(acls).filteredOn(Acl::prefixed).allSatisfy(acl -> assertThat(acl.kind()).isNotEqualTo(ResourceKind.TOPIC));
	}

	@Test
	void keepsEachPublishersOutboxPositionOnATopicItMayRead() {

		assertThat(Arrays.stream(Principal.values()).filter(KafkaAccess::publishes))
			.containsExactlyInAnyOrder(Principal.ST_INGEST, Principal.PRICEBOOK, Principal.CRM_PIPELINE, Principal.FIELD)
			.allSatisfy(p -> assertThat(KafkaAccess.of(KafkaAccess.outboxPositionTopic(p)).orElseThrow().consumers())
				.contains(p));
		assertThat(Principal.PRICEBOOK.outboxTransactionalIdPrefix()).isEqualTo("pricebook-service-outbox-");
		// A relay finds its position where it committed it: moving it would lose the position of a running relay.
		assertThat(KafkaAccess.outboxPositionTopic(Principal.CRM_PIPELINE)).isEqualTo(Topics.ST_RAW_BUSINESS_UNITS);
		assertThat(KafkaAccess.outboxPositionTopic(Principal.FIELD)).isEqualTo(Topics.ST_RAW_BUSINESS_UNITS);
		assertThat(KafkaAccess.outboxPositionTopic(Principal.PRICEBOOK)).isEqualTo(Topics.ST_RAW_CATEGORIES);
	}

	@Test
	void saysWhatTheArchitectureDocumentSays() {

		var lines = ContractDocs.load().document("architecture.md").lines().toList();
		var start = lines.indexOf(SECTION);
		assertThat(start).as("docs/architecture.md has a section '%s'", SECTION).isNotNegative();
		var tables = tables(lines.subList(start + 1, lines.size()));

		var documented = new LinkedHashMap<String, List<Set<String>>>();
		for (var row : tables.get(0)) {
			documented.put(unquote(row.get(0)), List.of(names(row.get(1)), names(row.get(2))));
		}
		var coded = new LinkedHashMap<String, List<Set<String>>>();
		for (var access : KafkaAccess.topics()) {
			coded.put(access.topic(), List.of(users(access.producers()), users(access.consumers())));
		}
		assertThat(documented).isEqualTo(coded);

		var groups = tables.get(1).stream().collect(Collectors.toMap(row -> unquote(row.get(0)), row -> unquote(row.get(1))));
		assertThat(groups).isEqualTo(Arrays.stream(Principal.values())
			.collect(Collectors.toMap(Principal::user, p -> p.group().toString())));
	}

	private static List<Acl> expectedTopicAcls(TopicAccess access) {

		var acls = new ArrayList<Acl>();
		access.producers().forEach(p -> acls.add(new Acl(p, Operation.WRITE, ResourceKind.TOPIC, access.topic(), false)));
		access.consumers().forEach(p -> acls.add(new Acl(p, Operation.READ, ResourceKind.TOPIC, access.topic(), false)));
		return acls;
	}

	/** The first two Markdown tables after the section heading, as rows of cells, header and rule left out. */
	private static List<List<List<String>>> tables(List<String> lines) {

		var tables = new ArrayList<List<List<String>>>();
		List<List<String>> current = null;
		for (var line : lines) {
			if (line.startsWith("## ")) {
				break;
			}
			if (line.startsWith("|")) {
				if (current == null) {
					current = new ArrayList<>();
					tables.add(current);
				}
				current.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList());
			}
			else {
				current = null;
			}
		}
		assertThat(tables).as("the section's tables").hasSizeGreaterThanOrEqualTo(2);
		return tables.stream().map(table -> table.subList(2, table.size())).toList();
	}

	private static Set<String> names(String cell) {
		return cell.equals("—") ? Set.of()
				: Arrays.stream(cell.split(",")).map(KafkaAccessUnitTests::unquote).collect(Collectors.toSet());
	}

	private static String unquote(String cell) {
		return cell.strip().replace("`", "");
	}

	private static Set<String> users(Set<Principal> principals) {
		return principals.stream().map(Principal::user).collect(Collectors.toSet());
	}
}
