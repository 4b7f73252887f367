/**
 * The records field-service serves, of every kind and from both sources (ServiceTitan's mirror and Lazi's own),
 * the domains they belong to and the providers that serve a domain, with the one store they live in.
 */
@NullMarked
package io.lazi.field.record;

import org.jspecify.annotations.NullMarked;
