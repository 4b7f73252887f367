/** The registered clients: one confidential client per calling service, the console and the dev CLI. */
@NullMarked
package io.lazi.identityprovider.clients;

import org.jspecify.annotations.NullMarked;
