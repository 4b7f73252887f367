package io.lazi.localstack.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.lazi.platform.events.KafkaAccess;

/**
 * What the operator sets up on the local broker before the services start, all from {@link KafkaAccess}:
 * the platform topics, each service's SCRAM-SHA-512 credentials and exactly the table's ACLs.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class KafkaProvisioning {

	/** Partitions of the platform topics, as the services create them where no ACLs apply. */
	static final int PARTITIONS = 3;

	private static final int ITERATIONS = 8192;

	private final String bootstrapServers;

	private final KafkaCredentials credentials;

	/** The ACL bindings of {@link KafkaAccess#acls()}. */
	static List<AclBinding> bindings() {
		return KafkaAccess.acls().stream().map(KafkaProvisioning::binding).toList();
	}

	static AclBinding binding(KafkaAccess.Acl acl) {

		var type = switch (acl.kind()) {
			case TOPIC -> ResourceType.TOPIC;
			case GROUP -> ResourceType.GROUP;
			case TRANSACTIONAL_ID -> ResourceType.TRANSACTIONAL_ID;
		};
		var pattern = new ResourcePattern(type, acl.name(), acl.prefixed() ? PatternType.PREFIXED : PatternType.LITERAL);
		var operation = acl.operation() == KafkaAccess.Operation.WRITE ? AclOperation.WRITE : AclOperation.READ;
		return new AclBinding(pattern,
				new AccessControlEntry("User:" + acl.principal().user(), "*", operation, AclPermissionType.ALLOW));
	}

	void run() {

		var config = new HashMap<String, Object>(credentials.clientProperties(KafkaAccess.ADMIN));
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (var admin = Admin.create(config)) {
			createTopics(admin);
			setServiceCredentials(admin);
			replaceAcls(admin);
			awaitVisible(admin);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Setting up the Kafka principals, topics and ACLs failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting up Kafka", ex);
		}
	}

	private static void createTopics(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {

		var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
		var missing = KafkaAccess.topics()
			.stream()
			.map(KafkaAccess.TopicAccess::topic)
			.filter(topic -> !existing.contains(topic))
			.map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
			.toList();
		if (!missing.isEmpty()) {
			admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
		}
	}

	private void setServiceCredentials(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {

		var alterations = new ArrayList<UserScramCredentialAlteration>();
		for (var principal : KafkaAccess.Principal.values()) {
			alterations.add(new UserScramCredentialUpsertion(principal.user(),
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
					credentials.password(principal.user())));
		}
		admin.alterUserScramCredentials(alterations).all().get(30, TimeUnit.SECONDS);
	}

	/**
	 * Waits until the broker serves what the controller committed (topics, credentials, ACLs reach it
	 * through the metadata log a moment later), so that a service started next is not refused.
	 */
	private static void awaitVisible(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {

		var topics = KafkaAccess.topics().stream().map(KafkaAccess.TopicAccess::topic).toList();
		var users = Arrays.stream(KafkaAccess.Principal.values()).map(KafkaAccess.Principal::user).toList();
		var wanted = new HashSet<>(bindings());
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			var visible = admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)
					&& admin.describeUserScramCredentials().all().get(10, TimeUnit.SECONDS).keySet().containsAll(users)
					&& new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
						.equals(wanted);
			if (visible) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new TimeoutException("The broker did not show the topics, credentials and ACLs within 30 s");
			}
			Thread.sleep(100);
		}
	}

	/** Creates the table's ACLs and deletes any other, so the broker holds exactly the table. */
	private static void replaceAcls(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {

		var wanted = new HashSet<>(bindings());
		var present = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
		var stale = present.stream().filter(binding -> !wanted.contains(binding)).map(AclBinding::toFilter).toList();
		if (!stale.isEmpty()) {
			admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
		}
		var missing = wanted.stream().filter(binding -> !present.contains(binding)).toList();
		if (!missing.isEmpty()) {
			admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
		}
	}
}
