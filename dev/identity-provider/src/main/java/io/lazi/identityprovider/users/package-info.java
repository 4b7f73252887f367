/** The users who log in to the console: one per role of each tenant. */
@NullMarked
package io.lazi.identityprovider.users;

import org.jspecify.annotations.NullMarked;
