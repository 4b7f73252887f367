package io.lazi.image.stproxy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Which resolved addresses the proxy may connect to: public unicast only. Refused: any-local
 * ({@code 0.0.0.0/8}, {@code ::}), loopback ({@code 127/8}, {@code ::1}) unless allowed, RFC 1918
 * ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), carrier-grade NAT {@code 100.64/10},
 * link-local ({@code 169.254/16} with the cloud metadata address {@code 169.254.169.254},
 * {@code fe80::/10}), site-local {@code fec0::/10}, unique-local {@code fc00::/7}, multicast,
 * {@code 240/4} and broadcast; IPv4-mapped and IPv4-compatible IPv6 addresses are judged as their IPv4.
 */
final class AddressPolicy {

	private AddressPolicy() {
	}

	/** Why {@code address} is refused, or {@code null} when it may be connected to. */
	static @Nullable String refusal(InetAddress address, boolean allowLoopback) {

		var effective = embeddedIpv4(address);
		if (effective.isLoopbackAddress()) {
			return allowLoopback ? null : "loopback";
		}
		if (effective.isAnyLocalAddress()) {
			return "any-local";
		}
		if (effective.isLinkLocalAddress()) {
			return "link-local";
		}
		if (effective.isSiteLocalAddress()) {
			return "private";
		}
		if (effective.isMulticastAddress()) {
			return "multicast";
		}
		var b = effective.getAddress();
		if (effective instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			if (first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)) {
				return "reserved";
			}
		}
		else if ((b[0] & 0xfe) == 0xfc) {
			return "unique-local";
		}
		return null;
	}

	private static InetAddress embeddedIpv4(InetAddress address) {

		if (!(address instanceof Inet6Address)) {
			return address;
		}
		var b = address.getAddress();
		for (int i = 0; i < 10; i++) {
			if (b[i] != 0) {
				return address;
			}
		}
		boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
		if (!mapped && !compatible) {
			return address;
		}
		try {
			return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("4 bytes are always an IPv4 address", ex);
		}
	}
}
