package io.lazi.field.customer;

import java.util.List;

/** A customer with its locations and jobs (newest first, up to 100), as {@code GET /api/v2/customers/{id}} answers. */
public record CustomerDetail(CustomerView customer, List<LocationView> locations, List<CustomerJob> jobs) {
}
