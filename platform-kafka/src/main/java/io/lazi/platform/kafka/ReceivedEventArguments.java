package io.lazi.platform.kafka;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Lets a {@code @KafkaListener} method take the decoded CloudEvent instead of the raw record:
 * <ul>
 * <li>{@code ReceivedEvent<?> event}: {@link CloudEventCodec#decode}; a type the registry does not know,
 * or one on another type's topic, fails the record (no retries, then {@code -dlt});</li>
 * <li>{@code Optional<ReceivedEvent<?>> event}: {@link CloudEventCodec#decodeIfKnown}; empty for a type
 * other teams added that this version does not know.</li>
 * </ul>
 * Reads the record from {@link KafkaHeaders#RAW_DATA}, which the platform's record converter sets.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ReceivedEventArguments implements HandlerMethodArgumentResolver {

	private final CloudEventCodec codec;

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ReceivedEvent.class || optionalOfEvent(parameter);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {

		@SuppressWarnings("unchecked")
		var record = (ConsumerRecord<String, byte[]>) message.getHeaders().get(KafkaHeaders.RAW_DATA);
		if (record == null) {
			throw new IllegalStateException("No raw record on the message: the listener container lacks the "
					+ "platform's record converter");
		}
		return optionalOfEvent(parameter) ? codec.decodeIfKnown(record) : codec.decode(record);
	}

	private static boolean optionalOfEvent(MethodParameter parameter) {
		return parameter.getParameterType() == Optional.class
				&& ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == ReceivedEvent.class;
	}
}
