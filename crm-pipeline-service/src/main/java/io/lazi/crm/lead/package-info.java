/**
 * Leads: people or companies that may become customers. Users create, list, edit and (soft) delete them
 * ({@link io.lazi.crm.lead.Leads}); ServiceTitan's own leads arrive from {@code st.raw.leads}
 * ({@link io.lazi.crm.lead.ServiceTitanLeads}); a lead is converted once into an account, a contact and a Sales
 * (or Install) opportunity ({@link io.lazi.crm.lead.LeadConversions}). Announced on {@code crm.leads}:
 * {@code crm.lead-created} and {@code crm.lead-converted}.
 */
@NullMarked
package io.lazi.crm.lead;

import org.jspecify.annotations.NullMarked;
