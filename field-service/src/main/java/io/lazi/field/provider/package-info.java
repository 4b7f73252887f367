/**
 * Which provider serves each domain of a tenant: the settings, their audit trail, the copy of the mirror into
 * Lazi-owned records when a domain switches to {@code lazi}, and {@code io.lazi.field.providers.changed.v1}.
 */
@NullMarked
package io.lazi.field.provider;

import org.jspecify.annotations.NullMarked;
