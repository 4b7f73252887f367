/**
 * Kafka adapter of the leads: the listener on {@code st.raw.leads}, which hands ServiceTitan's leads to
 * {@link io.lazi.crm.lead.ServiceTitanLeads}.
 */
@NullMarked
package io.lazi.crm.lead.kafka;

import org.jspecify.annotations.NullMarked;
