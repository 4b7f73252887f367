package io.lazi.localstack.cli;

import io.lazi.localstack.LocalStack;
import io.lazi.platform.events.TenantId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A tenant option: a ServiceTitan tenant id as {@link TenantId#isValid} defines it (surrounding blanks ignored). */
public final class TenantConverter implements ITypeConverter<String> {

	@Override
	public String convert(String text) {

		var tenant = text.strip();
		if (!TenantId.isValid(tenant)) {
			throw new TypeConversionException("'" + text + "' is not a tenant id (1-19 digits, e.g. "
					+ LocalStack.REFERENCE_TENANT + ")");
		}
		return tenant;
	}
}
