package io.lazi.platform.openapi;

import java.math.BigDecimal;
import java.util.Arrays;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import io.lazi.platform.web.PageRequest;

/**
 * Describes a handler's {@link PageRequest} parameter as what the client sends: the query parameters
 * {@value PageRequest#PAGE} (0-based, default 0) and {@value PageRequest#SIZE} (1 to {@value PageRequest#MAX_SIZE},
 * default {@value PageRequest#DEFAULT_SIZE}). springdoc itself ignores the type (it and {@code Tenant} are resolved
 * by platform-web, not bound from the request as objects).
 */
final class PagingParameters implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {

		if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == PageRequest.class)) {
			operation.addParametersItem(new Parameter().in("query")
				.name(PageRequest.PAGE)
				.description("0-based page number.")
				.schema(OpenApiSchemas.of("integer").format("int32").minimum(BigDecimal.ZERO)._default(0)));
			operation.addParametersItem(new Parameter().in("query")
				.name(PageRequest.SIZE)
				.description("Items per page.")
				.schema(OpenApiSchemas.of("integer").format("int32").minimum(BigDecimal.ONE)
					.maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE))._default(PageRequest.DEFAULT_SIZE)));
		}
		return operation;
	}
}
