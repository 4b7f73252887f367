/**
 * The access contract every party to a token shares: the {@link Role}s a user token may list and the
 * {@link InternalScope}s a service token may be granted, each with the service it is addressed to.
 * The identity provider mints tokens by them, the local stack asks for them, and platform-security
 * maps them to permissions and routes. Plain enums, no Spring.
 */
@NullMarked
package io.lazi.platform.events.access;

import org.jspecify.annotations.NullMarked;
