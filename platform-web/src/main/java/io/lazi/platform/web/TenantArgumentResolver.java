package io.lazi.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.lazi.platform.events.TrustedHeaders;

/** Resolves {@link Tenant} parameters from the {@value TrustedHeaders#TENANT_ID} header, which the security chain checked against the token. */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Tenant.class.equals(parameter.getParameterType());
	}

	@Override
	public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {

		var values = request.getHeaderValues(TrustedHeaders.TENANT_ID);
		if (values == null || values.length != 1) {
			throw new MissingTenantException();
		}
		try {
			return new Tenant(values[0].trim());
		}
		catch (IllegalArgumentException ex) {
			throw new MissingTenantException();
		}
	}

	static class MissingTenantException extends RuntimeException {

		MissingTenantException() {
			super("Exactly one " + TrustedHeaders.TENANT_ID + " header with a numeric tenant id is required");
		}
	}
}
