/**
 * OAuth2 client-credentials token endpoint, registered clients and issued access tokens.
 */
@NullMarked
package io.lazi.stsimulator.auth;

import org.jspecify.annotations.NullMarked;
