package io.lazi.field.provider;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import io.lazi.field.record.Kind;
import io.lazi.field.record.Provider;
import io.lazi.field.record.RecordStore;
import io.lazi.field.record.Source;
import io.lazi.field.record.Stored;
import io.lazi.platform.web.ResourceNotFoundException;

/**
 * Where a write goes: to the record the tenant's provider shows, Lazi-owned ones changed here, the mirror's sent to
 * ServiceTitan; and where a new record is made.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Placement {

	private final Providers providers;

	private final RecordStore records;

	/**
	 * The record {@code id} of {@code kind} as the tenant's provider shows it, with where a write to it goes.
	 *
	 * @param what how a 404 names the record, e.g. {@code Customer}
	 * @throws ResourceNotFoundException when the provider shows no such record (another tenant's included)
	 */
	public <T> Target<T> existing(String tenant, Kind kind, long id, Class<T> type, String what) {

		var provider = providers.of(tenant, kind.domain());
		var stored = records.find(tenant, kind, id, provider, type)
			.orElseThrow(() -> new ResourceNotFoundException(what, id));
		return new Target<>(provider, stored);
	}

	/** Whether a new record of {@code kind} is made in ServiceTitan (provider {@code servicetitan}) or here. */
	public boolean createsInServiceTitan(String tenant, Kind kind) {
		return providers.of(tenant, kind.domain()) == Provider.SERVICETITAN;
	}

	/**
	 * A record a write concerns.
	 *
	 * @param provider the tenant's provider of the record's domain
	 */
	public record Target<T>(Provider provider, Stored<T> stored) {

		/** Whether writes to it go to ServiceTitan (a mirror record) rather than change it here. */
		public boolean inServiceTitan() {
			return stored.source() == Source.SERVICETITAN;
		}

		public T record() {
			return stored.record();
		}
	}
}
