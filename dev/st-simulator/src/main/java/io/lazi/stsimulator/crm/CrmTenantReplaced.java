package io.lazi.stsimulator.crm;

/**
 * Published when {@link CrmCatalog#install} has replaced one tenant's CRM data (a synthetic tenant): its ids
 * mean other records now.
 */
public record CrmTenantReplaced(long tenant) {
}
