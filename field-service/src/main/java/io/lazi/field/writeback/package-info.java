/**
 * The write-back of opportunities users marked won or lost in the CRM: their ServiceTitan estimate sold or
 * dismissed through the tenant's estimates provider, and where each write-back stands, on {@code field.changed}.
 */
@NullMarked
package io.lazi.field.writeback;

import org.jspecify.annotations.NullMarked;
