package io.lazi.platform.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * One CloudEvents type of the platform, bound to the payload record it carries, the topic it travels on
 * and the rule that keys its records. The instances are the constants of {@link Events}; compare them by
 * identity. Immutable and thread-safe.
 *
 * @param <T> the payload record
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class EventType<T extends TenantPayload> {

	private final String name;

	private final String topic;

	private final Class<?> payloadClass;

	private final Type payloadType;

	private final KeyRule<T> key;

	/** A type whose payload is the record {@code payload}. */
	static <T extends TenantPayload> EventType<T> of(String name, String topic, Class<T> payload, KeyRule<T> key) {
		return new EventType<>(name, topic, payload, payload, key);
	}

	/**
	 * A raw ServiceTitan record type: payload {@code StRecordFetched<R>}, key {@code {tenantId}:{stId}}.
	 *
	 * @param id the ServiceTitan id of the record
	 */
	static <R> EventType<StRecordFetched<R>> fetched(String name, String topic, Class<R> record, ToLongFunction<R> id) {
		return new EventType<>(name, topic, StRecordFetched.class, new Parameterized(StRecordFetched.class, record),
				KeyRule.entity("stId", fetched -> id.applyAsLong(fetched.record())));
	}

	/** The CloudEvents {@code type} ({@code ce_type}), e.g. {@code io.lazi.sync.started.v1}. */
	public String name() {
		return name;
	}

	/** The Kafka topic every event of this type is published on. */
	public String topic() {
		return topic;
	}

	/** The payload's record class ({@code StRecordFetched} for the raw record types). */
	public Class<?> payloadClass() {
		return payloadClass;
	}

	/** The payload's full type, generic arguments included, for a JSON reader. */
	public Type payloadType() {
		return payloadType;
	}

	/** The rule keying this type's records. */
	public KeyRule<T> keyRule() {
		return key;
	}

	/** The Kafka record key of {@code payload}. */
	public String key(T payload) {
		return key.key(payload);
	}

	/**
	 * {@code payload} as this type's payload.
	 *
	 * @throws IllegalArgumentException when it is another record
	 */
	@SuppressWarnings("unchecked")
	public T cast(Object payload) {

		if (!payloadClass.isInstance(payload)) {
			throw new IllegalArgumentException(name + " carries " + payloadClass.getSimpleName() + ", not "
					+ payload.getClass().getSimpleName());
		}
		return (T) payload;
	}

	/**
	 * The required fields {@code payload} lacks, as dotted paths ({@code record.name}); empty when it is
	 * complete. Required are the record components that are neither primitive nor {@code @Nullable}, in
	 * nested contract records too.
	 */
	public List<String> missingFields(T payload) {
		return RequiredFields.missing((Record) payload);
	}

	@Override
	public String toString() {
		return name;
	}

	private record Parameterized(Class<?> raw, Type argument) implements ParameterizedType {

		@Override
		public Type[] getActualTypeArguments() {
			return new Type[] { argument };
		}

		@Override
		public Type getRawType() {
			return raw;
		}

		@Override
		public @Nullable Type getOwnerType() {
			return null;
		}

		@Override
		public String getTypeName() {
			return raw.getTypeName() + "<" + argument.getTypeName() + ">";
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof ParameterizedType that && raw.equals(that.getRawType()) && that.getOwnerType() == null
					&& Arrays.equals(getActualTypeArguments(), that.getActualTypeArguments());
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(getActualTypeArguments()) ^ raw.hashCode();
		}
	}
}
