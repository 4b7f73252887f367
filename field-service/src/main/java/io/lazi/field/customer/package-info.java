/**
 * Customers with their contacts and locations (and ServiceTitan's leads and bookings), as the tenant's customers
 * provider serves them: reads, search, and writes, here or to ServiceTitan; and the ServiceTitan customers of leads
 * converted in the CRM.
 */
@NullMarked
package io.lazi.field.customer;

import org.jspecify.annotations.NullMarked;
