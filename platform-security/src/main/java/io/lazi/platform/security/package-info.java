/**
 * Every Lazi service a resource server (DESIGN §4, zero trust): {@link io.lazi.platform.security.TokenDecoders}
 * with {@link io.lazi.platform.security.TokenValidators}, authorities from {@link io.lazi.platform.security.TokenClaims},
 * the shared {@link io.lazi.platform.security.AccessRules} and {@link io.lazi.platform.security.TenantCheck}, and
 * {@link io.lazi.platform.security.ServiceCredentials} for calls to internal APIs. The servlet and reactive
 * auto-configurations apply them to every request of a service.
 */
@NullMarked
package io.lazi.platform.security;

import org.jspecify.annotations.NullMarked;
