/** The security filter chains: protocol endpoints, actuator, form login. */
@NullMarked
package io.lazi.identityprovider.web;

import org.jspecify.annotations.NullMarked;
