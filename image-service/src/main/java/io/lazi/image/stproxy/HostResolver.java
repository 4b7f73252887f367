package io.lazi.image.stproxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name (or IP literal) to its addresses; the system resolver unless a test swaps it. */
@FunctionalInterface
public interface HostResolver {

	InetAddress[] resolve(String host) throws UnknownHostException;

	static HostResolver system() {
		return InetAddress::getAllByName;
	}
}
