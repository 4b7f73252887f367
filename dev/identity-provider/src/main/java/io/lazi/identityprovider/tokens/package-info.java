/** What goes into a token: audience, tenants, roles, lifetime; and the dev CLI's token requests. */
@NullMarked
package io.lazi.identityprovider.tokens;

import org.jspecify.annotations.NullMarked;
