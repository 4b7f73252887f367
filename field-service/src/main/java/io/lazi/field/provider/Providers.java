package io.lazi.field.provider;

import static io.lazi.field.jooq.Tables.PROVIDER_CHANGE;
import static io.lazi.field.jooq.Tables.PROVIDER_SETTING;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lazi.field.record.Domain;
import io.lazi.field.record.Provider;
import io.lazi.field.record.RecordStore;
import io.lazi.platform.events.Events;
import io.lazi.platform.events.ProvidersChanged;
import io.lazi.platform.kafka.Outbox;
import io.lazi.platform.kafka.OutgoingEvent;

/**
 * The provider of each domain of each tenant ({@code provider_setting}; a domain without a row has
 * {@code lazi.field.default-provider}), and switching them: audited in {@code provider_change}, announced as
 * {@code io.lazi.field.providers.changed.v1} in the same transaction. A switch from {@code servicetitan} (or
 * {@code hybrid}) to {@code lazi} first copies the mirror's records of the domain into Lazi-owned records under the
 * same ids, so nothing the users saw disappears. Thread-safe.
 */
@Service
@EnableConfigurationProperties(FieldProperties.class)
public class Providers {

	private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

	private final DSLContext dsl;

	private final RecordStore records;

	private final Outbox outbox;

	private final Provider fallback;

	private final Clock clock = Clock.systemUTC();

	Providers(DSLContext dsl, RecordStore records, Outbox outbox, FieldProperties properties) {
		this.dsl = dsl;
		this.records = records;
		this.outbox = outbox;
		this.fallback = Provider.of(properties.defaultProvider())
			.orElseThrow(() -> new IllegalStateException("lazi.field.default-provider must be servicetitan, lazi or hybrid, not "
					+ properties.defaultProvider()));
	}

	/** The provider serving {@code domain} for {@code tenant}. */
	public Provider of(String tenant, Domain domain) {

		return dsl.select(PROVIDER_SETTING.PROVIDER)
			.from(PROVIDER_SETTING)
			.where(PROVIDER_SETTING.TENANT_ID.eq(tenant), PROVIDER_SETTING.DOMAIN.eq(domain.wire()))
			.fetchOptional(PROVIDER_SETTING.PROVIDER)
			.flatMap(Provider::of)
			.orElse(fallback);
	}

	/** Every domain of {@code tenant} with its provider, in {@link Domain} order. */
	public Map<Domain, Provider> all(String tenant) {

		var all = new EnumMap<Domain, Provider>(Domain.class);
		Arrays.stream(Domain.values()).forEach(domain -> all.put(domain, fallback));
		dsl.selectFrom(PROVIDER_SETTING)
			.where(PROVIDER_SETTING.TENANT_ID.eq(tenant))
			.forEach(row -> Domain.of(row.getDomain())
				.ifPresent(domain -> all.put(domain, Provider.of(row.getProvider()).orElse(fallback))));
		return all;
	}

	/** The last {@code limit} switches of {@code tenant}, newest first. */
	public List<ProviderChange> history(String tenant, int limit) {

		return dsl.selectFrom(PROVIDER_CHANGE)
			.where(PROVIDER_CHANGE.TENANT_ID.eq(tenant))
			.orderBy(PROVIDER_CHANGE.SEQ.desc())
			.limit(limit)
			.fetch(row -> new ProviderChange(row.getDomain(), row.getFromProvider(), row.getToProvider(), row.getCopied(),
					row.getChangedBy(), row.getChangedAt().toInstant()));
	}

	/**
	 * Sets the providers of some domains; domains already served by the asked provider change nothing. Nothing is
	 * announced when nothing changed.
	 *
	 * @param user the {@code sub} of the OWNER or ADMIN switching
	 * @return the switches made, each with how many mirror records it copied
	 */
	@Transactional
	public List<ProviderChange> set(String tenant, Map<Domain, Provider> wanted, String user) {

		var now = clock.instant();
		var current = all(tenant);
		var changes = new ArrayList<ProviderChange>();
		for (var entry : wanted.entrySet()) {
			var domain = entry.getKey();
			var from = current.get(domain);
			var to = entry.getValue();
			if (from == to) {
				continue;
			}
			var copied = to == Provider.LAZI ? records.copyMirrorToLazi(tenant, domain.kinds(), now) : 0;
			dsl.insertInto(PROVIDER_SETTING)
				.set(PROVIDER_SETTING.TENANT_ID, tenant)
				.set(PROVIDER_SETTING.DOMAIN, domain.wire())
				.set(PROVIDER_SETTING.PROVIDER, to.wire())
				.set(PROVIDER_SETTING.CHANGED_BY, user)
				.set(PROVIDER_SETTING.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
				.onConflict(PROVIDER_SETTING.TENANT_ID, PROVIDER_SETTING.DOMAIN)
				.doUpdate()
				.set(PROVIDER_SETTING.PROVIDER, to.wire())
				.set(PROVIDER_SETTING.CHANGED_BY, user)
				.set(PROVIDER_SETTING.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
				.execute();
			dsl.insertInto(PROVIDER_CHANGE)
				.set(PROVIDER_CHANGE.TENANT_ID, tenant)
				.set(PROVIDER_CHANGE.DOMAIN, domain.wire())
				.set(PROVIDER_CHANGE.FROM_PROVIDER, from.wire())
				.set(PROVIDER_CHANGE.TO_PROVIDER, to.wire())
				.set(PROVIDER_CHANGE.COPIED, copied)
				.set(PROVIDER_CHANGE.CHANGED_BY, user)
				.set(PROVIDER_CHANGE.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
				.execute();
			current.put(domain, to);
			changes.add(new ProviderChange(domain.wire(), from.wire(), to.wire(), copied, user, now));
			LOG.info("Tenant {} switched {} from {} to {} ({} mirror records copied), by {}", tenant, domain.wire(),
					from.wire(), to.wire(), copied, user);
		}
		if (!changes.isEmpty()) {
			var providers = current.entrySet()
				.stream()
				.map(e -> new ProvidersChanged.DomainProvider(e.getKey().wire(), e.getValue().wire()))
				.toList();
			outbox.append(OutgoingEvent.of(Events.FIELD_PROVIDERS_CHANGED, "providers", new ProvidersChanged(tenant,
					providers, changes.stream().map(ProviderChange::domain).toList(), user, now)));
		}
		return changes;
	}
}
