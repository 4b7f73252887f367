/**
 * Identity at the gateway: JWT validation, tenant check, RBAC, CORS, and the trusted identity
 * headers forwarded to the services (docs/architecture.md, "Identity at the gateway").
 */
@NullMarked
package io.lazi.gateway.security;

import org.jspecify.annotations.NullMarked;
