/**
 * ServiceTitan ingest: the only Lazi component that talks to ServiceTitan. Pulls the pricebook per tenant
 * and publishes raw records and sync lifecycle events through the transactional outbox.
 */
@NullMarked
package io.lazi.stingest;

import org.jspecify.annotations.NullMarked;
