/**
 * CRM pulls: business units, customers with their contacts, jobs, appointments and estimates, full
 * and incremental, published on the {@code st.raw.*} topics through the outbox.
 */
@NullMarked
package io.lazi.stingest.crm;

import org.jspecify.annotations.NullMarked;
