/** {@code /api/v2/customers}, {@code /api/v2/locations}, {@code /api/v2/leads}, {@code /api/v2/bookings}. */
@NullMarked
package io.lazi.field.customer.web;

import org.jspecify.annotations.NullMarked;
