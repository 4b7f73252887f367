package io.lazi.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link PageRequest} parameters from the {@value PageRequest#PAGE} and
 * {@value PageRequest#SIZE} query parameters. Bad values answer the same 400 problems as a bean
 * validated {@code @Min}/{@code @Max} {@code int} parameter would: the page first, then the size.
 */
class PageRequestArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return PageRequest.class.equals(parameter.getParameterType());
	}

	@Override
	public PageRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {

		var page = number(request, PageRequest.PAGE, 0);
		var size = number(request, PageRequest.SIZE, PageRequest.DEFAULT_SIZE);
		if (page < 0) {
			throw new InvalidInputException(PageRequest.PAGE, "must be greater than or equal to 0");
		}
		if (size < 1) {
			throw new InvalidInputException(PageRequest.SIZE, "must be greater than or equal to 1");
		}
		if (size > PageRequest.MAX_SIZE) {
			throw new InvalidInputException(PageRequest.SIZE, "must be less than or equal to " + PageRequest.MAX_SIZE);
		}
		return new PageRequest(page, size);
	}

	private static int number(NativeWebRequest request, String name, int absent) {

		var value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(name, "must be a valid int");
		}
	}
}
