package io.lazi.stingest.servicetitan;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The fields used of ServiceTitan's {@code Crm.V2.Customers.CustomerContactWithModifiedOnAndCustomerIdResponse},
 * an item of {@code Customers_GetModifiedContactsList}: which customer's contacts changed, and when.
 */
public record StModifiedContact(long id, long customerId, @Nullable Instant modifiedOn) {
}
