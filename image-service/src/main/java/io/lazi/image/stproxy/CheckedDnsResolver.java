package io.lazi.image.stproxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The connection manager's resolver: resolves once, refuses the host when any of its addresses is
 * forbidden by {@link AddressPolicy}, and hands only the checked addresses to the connect, so the
 * connection goes to what was checked (no second lookup, no DNS rebinding).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class CheckedDnsResolver implements DnsResolver {

	private final HostResolver resolver;

	private final boolean allowLoopback;

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {

		var addresses = resolver.resolve(host);
		if (addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		for (var address : addresses) {
			var refusal = AddressPolicy.refusal(address, allowLoopback);
			if (refusal != null) {
				throw new ForbiddenAddressException(host + " resolves to a " + refusal + " address");
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	/** A host resolved to an address the proxy must not connect to. */
	static final class ForbiddenAddressException extends UnknownHostException {

		ForbiddenAddressException(String message) {
			super(message);
		}
	}
}
