/**
 * The ServiceTitan REST client: OAuth2 client credentials per tenant with a shared cached token, the
 * {@code ST-App-Key} header, one rate budget per tenant and retries that honour {@code Retry-After}.
 */
@NullMarked
package io.lazi.stingest.servicetitan;

import org.jspecify.annotations.NullMarked;
