package io.lazi.identityprovider.clients;

import java.util.Locale;

/** The environment variable each client's secret is read from ({@code application.yml} maps them). */
public final class SecretVariables {

	private SecretVariables() {
	}

	/** {@code LAZI_IDENTITY_PROVIDER_CLIENT_SECRET_<CLIENT ID upper-cased, '-' as '_'>}. */
	public static String of(String clientId) {
		return "LAZI_IDENTITY_PROVIDER_CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_');
	}
}
