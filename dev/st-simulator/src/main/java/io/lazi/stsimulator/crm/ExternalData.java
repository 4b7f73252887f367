package io.lazi.stsimulator.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code ExternalDataModel}: a key and value an application attached to a record. The simulator keeps them
 * without the application guid they were written under.
 */
public record ExternalData(String key, String value) {

	/**
	 * An {@code ExternalDataUpdateRequest}: {@code Replace} (ServiceTitan's default) replaces every key by the
	 * given ones, {@code Merge} upserts them; a null value drops its key.
	 *
	 * @param merge whether {@code patchMode} is {@code Merge}
	 * @param entries the keys and values, values possibly null
	 */
	public record Change(boolean merge, List<Entry> entries) {

		/** One {@code ExternalDataUpdateModel}. */
		public record Entry(String key, @Nullable String value) {
		}

		/** @return {@code current} with this change applied */
		public List<ExternalData> applyTo(List<ExternalData> current) {

			var values = new LinkedHashMap<String, String>();
			if (merge) {
				current.forEach(data -> values.put(data.key(), data.value()));
			}
			for (var entry : entries) {
				if (entry.value() == null) {
					values.remove(entry.key());
				}
				else {
					values.put(entry.key(), entry.value());
				}
			}
			var result = new ArrayList<ExternalData>();
			values.forEach((key, value) -> result.add(new ExternalData(key, value)));
			return List.copyOf(result);
		}
	}
}
