/**
 * The identity provider of the local stack and tests: Spring Authorization Server with the Lazi
 * token contract (clients, users, claims, audiences, scopes and lifetimes).
 */
@NullMarked
package io.lazi.identityprovider;

import org.jspecify.annotations.NullMarked;
