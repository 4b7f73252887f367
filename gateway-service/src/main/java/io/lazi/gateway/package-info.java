/** The Lazi gateway: single entry of the web SPA in front of the services. */
@NullMarked
package io.lazi.gateway;

import org.jspecify.annotations.NullMarked;
