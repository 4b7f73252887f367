/**
 * Identity at the gateway: token validation (platform-security), tenant check, RBAC, CORS, and the
 * caller's token and checked tenant forwarded to the services (docs/architecture.md, "Identity at the gateway").
 */
@NullMarked
package io.lazi.gateway.security;

import org.jspecify.annotations.NullMarked;
